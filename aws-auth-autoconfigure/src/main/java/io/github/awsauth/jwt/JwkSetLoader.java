package io.github.awsauth.jwt;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import org.jspecify.annotations.Nullable;

/**
 * Fetches an issuer's key set over HTTP: from the configured URI, or from the {@code jwks_uri}
 * of the issuer's OpenID discovery document, which is fetched on first use (never at start-up)
 * and remembered once it succeeded.
 */
public class JwkSetLoader {

	private static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

	private final String issuerUri;

	private final ResourceRetriever retriever;

	private volatile @Nullable URI jwkSetUri;

	/**
	 * Create a loader.
	 * @param issuer the issuer
	 * @param retriever the HTTP client, with its timeouts and size limit
	 */
	public JwkSetLoader(TrustedIssuer issuer, ResourceRetriever retriever) {
		this.issuerUri = issuer.issuerUri();
		this.jwkSetUri = issuer.jwkSetUri();
		this.retriever = retriever;
	}

	/**
	 * Fetch the key set; only its public keys are kept.
	 * @return the key set
	 * @throws IOException if it cannot be fetched or is not a key set; the message names the URL,
	 * the HTTP status or content type, and what to set
	 */
	public JWKSet load() throws IOException {
		URI uri = this.jwkSetUri;
		if (uri == null) {
			uri = discoverJwkSetUri();
			this.jwkSetUri = uri;
		}
		Resource resource = fetch(uri);
		try {
			return JWKSet.parse(resource.getContent()).toPublicJWKSet();
		}
		catch (ParseException ex) {
			throw new IOException("the answer of " + uri + " (content type " + resource.getContentType()
					+ ") is not a JSON Web Key Set; if the issuer's keys are elsewhere, set its jwk-set-uri", ex);
		}
	}

	private URI discoverJwkSetUri() throws IOException {
		String base = this.issuerUri.endsWith("/") ? this.issuerUri.substring(0, this.issuerUri.length() - 1)
				: this.issuerUri;
		URI discovery = URI.create(base + DISCOVERY_PATH);
		Resource resource = fetch(discovery);
		Map<String, Object> metadata;
		try {
			metadata = JSONObjectUtils.parse(resource.getContent());
		}
		catch (ParseException ex) {
			throw new IOException("the answer of " + discovery + " (content type " + resource.getContentType()
					+ ") is not an OpenID discovery document; set the issuer's jwk-set-uri", ex);
		}
		if (!this.issuerUri.equals(metadata.get("issuer"))) {
			throw new IOException("Discovery document of " + this.issuerUri + " names another issuer");
		}
		if (!(metadata.get("jwks_uri") instanceof String jwksUri)) {
			throw new IOException("Discovery document of " + this.issuerUri + " has no jwks_uri");
		}
		return URI.create(jwksUri);
	}

	private Resource fetch(URI uri) throws IOException {
		URL url = uri.toURL();
		try {
			return this.retriever.retrieveResource(url);
		}
		catch (IOException ex) {
			// Nimbus names the HTTP status ("HTTP 404: Not Found"); the URL is added here
			throw new IOException("fetching " + uri + " failed: " + ex.getMessage(), ex);
		}
	}

}
