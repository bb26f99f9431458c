package eco.qubeprepaid.systemtests.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a PromQL expression measures, apart from the verdict an alert puts on it: an alert
 * rule {@code A > 0 and B == 0} measures {@code A} and {@code B}, and a panel's
 * {@code X or on() vector(0)} measures {@code X} (the fallback would hide a metric that
 * never comes). The live test requires every measure to return data.
 */
final class PromQl {

	private static final Pattern COMPARISON = Pattern.compile("\\s*(==|!=|>=|<=|>|<)\\s*-?[0-9.]+\\s*$");

	private static final Pattern FALLBACK = Pattern
		.compile("\\s+or\\s+(on\\s*\\(\\s*\\)\\s*)?vector\\(\\s*0\\s*\\)\\s*$");

	private PromQl() {
	}

	/**
	 * @param expression an expression
	 * @return its measures: the operands of top-level {@code and}, {@code or} and
	 * {@code unless}, each without a trailing comparison with a number, and without a
	 * trailing {@code or vector(0)} fallback
	 */
	static List<String> measures(String expression) {
		String expr = FALLBACK.matcher(expression.trim()).replaceAll("");
		List<String> parts = new ArrayList<>();
		int depth = 0;
		int start = 0;
		boolean quoted = false;
		for (int i = 0; i < expr.length(); i++) {
			char c = expr.charAt(i);
			if (c == '"' && (i == 0 || expr.charAt(i - 1) != '\\')) {
				quoted = !quoted;
			}
			if (quoted) {
				continue;
			}
			if (c == '(' || c == '{' || c == '[') {
				depth++;
			}
			else if (c == ')' || c == '}' || c == ']') {
				depth--;
			}
			else if (depth == 0) {
				for (String operator : new String[] { " and ", " or ", " unless " }) {
					if (expr.startsWith(operator, i)) {
						parts.add(expr.substring(start, i));
						start = i + operator.length();
						i = start - 1;
						break;
					}
				}
			}
		}
		parts.add(expr.substring(start));
		return parts.stream().map((part) -> COMPARISON.matcher(part.trim()).replaceAll("").trim()).toList();
	}

}
