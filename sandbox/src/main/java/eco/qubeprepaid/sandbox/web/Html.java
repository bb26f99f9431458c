package eco.qubeprepaid.sandbox.web;

/**
 * HTML escaping of every value the sandbox puts into a page (the gateway's checkout, the
 * mail catcher), text and attribute values alike.
 */
public final class Html {

	private Html() {
	}

	/** Escapes {@code & < > " '} so the value is inert in text and quoted attributes. */
	public static String escape(String value) {
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
