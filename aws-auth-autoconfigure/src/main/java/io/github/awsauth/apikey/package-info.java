/**
 * API keys: partners and scripts send a key this service issued in a header; the service stores
 * only the key's SHA-256 and compares it in constant time.
 */
@NullMarked
package io.github.awsauth.apikey;

import org.jspecify.annotations.NullMarked;
