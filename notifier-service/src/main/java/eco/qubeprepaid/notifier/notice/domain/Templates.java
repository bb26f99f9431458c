package eco.qubeprepaid.notifier.notice.domain;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eco.qubeprepaid.notifier.channel.domain.ChannelName;

/**
 * The notices' texts per kind, channel and language, from {@code notices_en.properties}
 * and {@code notices_hi.properties} (UTF-8): a subject, a long text (email, webhook) and
 * a short one (SMS, WhatsApp), with {@code {name}} placeholders. A placeholder without a
 * value is an error, never an empty gap.
 */
public final class Templates {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

	private final String baseName;

	/** The project's templates. */
	public Templates() {
		this("notices");
	}

	Templates(String baseName) {
		this.baseName = baseName;
	}

	/**
	 * Renders a notice.
	 * @param kind the kind
	 * @param channel the channel it goes through
	 * @param language {@code en} or {@code hi}
	 * @param params the values
	 * @return subject and body
	 * @throws IllegalStateException if a template or a value is missing
	 */
	public Rendered render(NoticeKind kind, ChannelName channel, String language, Map<String, String> params) {
		ResourceBundle bundle = ResourceBundle.getBundle(this.baseName, Locale.forLanguageTag(language),
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		String form = (channel == ChannelName.SMS || channel == ChannelName.WHATSAPP) ? "short" : "long";
		String subject = fill(text(bundle, kind.token() + ".subject"), params);
		String body = fill(text(bundle, kind.token() + "." + form), params);
		return new Rendered(subject, body);
	}

	private static String text(ResourceBundle bundle, String key) {
		try {
			return bundle.getString(key);
		}
		catch (MissingResourceException ex) {
			throw new IllegalStateException(
					"no template '" + key + "' in " + bundle.getBaseBundleName() + " (" + bundle.getLocale() + ")", ex);
		}
	}

	private static String fill(String template, Map<String, String> params) {
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = params.get(matcher.group(1));
			if (value == null) {
				throw new IllegalStateException("no value for {" + matcher.group(1) + "} in '" + template + "'");
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/**
	 * A rendered notice.
	 *
	 * @param subject the subject line
	 * @param body the text
	 */
	public record Rendered(String subject, String body) {
	}

}
