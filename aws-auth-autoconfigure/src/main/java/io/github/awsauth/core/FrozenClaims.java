package io.github.awsauth.core;

import java.io.Serial;
import java.io.Serializable;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Claims no one can change: a deep copy in which maps, lists and sets are unmodifiable and dates
 * are instants. A verified credential's claims are remembered and shared by every request that
 * presents it again, so what one request is handed must not change what the next one sees.
 */
public final class FrozenClaims {

	private FrozenClaims() {
	}

	/**
	 * Freeze claims.
	 * @param claims the claims, in order
	 * @return an unmodifiable deep copy, in the same order, {@code null} values kept; claims this
	 * method froze before are returned as they are, not copied again
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> of(Map<String, ?> claims) {
		if (claims instanceof Frozen) {
			return (Map<String, Object>) claims;
		}
		Map<String, Object> copy = new LinkedHashMap<>();
		claims.forEach((name, value) -> copy.put(name, frozen(value)));
		return new Frozen(Collections.unmodifiableMap(copy));
	}

	private static Object frozen(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<Object, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(key, frozen(item)));
			return Collections.unmodifiableMap(copy);
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			list.forEach((item) -> copy.add(frozen(item)));
			return Collections.unmodifiableList(copy);
		}
		if (value instanceof Set<?> set) {
			Set<Object> copy = new LinkedHashSet<>();
			set.forEach((item) -> copy.add(frozen(item)));
			return Collections.unmodifiableSet(copy);
		}
		return (value instanceof Date date) ? date.toInstant() : value;
	}

	/** Claims frozen here, known as such. */
	private static final class Frozen extends AbstractMap<String, Object> implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

		private final Map<String, Object> claims;

		Frozen(Map<String, Object> claims) {
			this.claims = claims;
		}

		@Override
		public Set<Entry<String, Object>> entrySet() {
			return this.claims.entrySet();
		}

		@Override
		public Object get(Object name) {
			return this.claims.get(name);
		}

		@Override
		public boolean containsKey(Object name) {
			return this.claims.containsKey(name);
		}

		@Override
		public int size() {
			return this.claims.size();
		}

	}

}
