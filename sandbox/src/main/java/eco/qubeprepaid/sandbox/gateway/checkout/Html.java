package eco.qubeprepaid.sandbox.gateway.checkout;

/** HTML escaping of every value put into a checkout page (text and attribute values). */
final class Html {

	private Html() {
	}

	/** Escapes {@code & < > " '} so the value is inert in text and quoted attributes. */
	static String escape(String value) {
		if (value == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(value.length() + 16);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
