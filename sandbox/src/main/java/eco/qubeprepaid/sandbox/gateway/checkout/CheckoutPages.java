package eco.qubeprepaid.sandbox.gateway.checkout;

import eco.qubeprepaid.sandbox.gateway.model.Order;
import eco.qubeprepaid.sandbox.web.Html;

/**
 * The server-rendered pages of the hosted checkout: phone-first (viewport meta, one
 * column, at least 16 px text and 44 px touch targets, works at 360 px), a label for
 * every input, dark text on white and white on dark buttons for contrast. Every
 * interpolated value goes through {@link Html#escape}.
 */
final class CheckoutPages {

	private static final String STYLE = """
			*{box-sizing:border-box}
			body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f4f5f7}
			main{max-width:28rem;margin:0 auto;padding:1rem;background:#fff;min-height:100vh}
			h1{font-size:1.25rem;margin:.5rem 0}
			.amount{font-size:2rem;font-weight:700;margin:.25rem 0 1rem}
			.muted{color:#4a4f57;font-size:.9rem;word-break:break-all}
			fieldset{border:1px solid #767b85;border-radius:.5rem;margin:0 0 1rem;padding:.5rem .75rem}
			legend{font-weight:600;padding:0 .25rem}
			.option{display:flex;align-items:center;gap:.5rem;min-height:44px}
			.option input{width:1.25rem;height:1.25rem;margin:0}
			label{cursor:pointer}
			.field{display:block;margin:0 0 1rem}
			.field label{display:block;font-weight:600;margin-bottom:.25rem}
			input[type=text]{width:100%;font-size:1rem;padding:.6rem;border:1px solid #767b85;border-radius:.4rem;color:#1a1a1a}
			button,.button{display:block;width:100%;min-height:48px;font-size:1rem;font-weight:600;border-radius:.5rem;border:2px solid transparent;margin:0 0 .75rem;cursor:pointer;text-align:center;text-decoration:none;padding:.7rem}
			#pay{background:#0b57d0;color:#fff}
			#fail{background:#a50e0e;color:#fff}
			#cancel{background:#fff;color:#1a1a1a;border-color:#1a1a1a}
			.button{background:#0b57d0;color:#fff}
			:focus-visible{outline:3px solid #f9ab00;outline-offset:2px}
			""";

	private CheckoutPages() {
	}

	/** The payment form of an order. */
	static String form(Order order, String merchantName, String callbackUrl) {
		String amount = CheckoutController.rupees(order.amount());
		String orderId = Html.escape(order.id());
		StringBuilder html = new StringBuilder(4096);
		head(html, "Pay " + amount + " to " + merchantName);
		html.append("<main>\n");
		html.append("<p class=\"muted\">Paying</p>\n");
		html.append("<h1 id=\"merchant\">").append(Html.escape(merchantName)).append("</h1>\n");
		html.append("<p class=\"amount\" id=\"amount\">").append(Html.escape(amount)).append("</p>\n");
		html.append("<p class=\"muted\">Order <span id=\"order-id\">").append(orderId).append("</span>");
		if (order.receipt() != null) {
			html.append(" · Receipt <span id=\"receipt\">").append(Html.escape(order.receipt())).append("</span>");
		}
		html.append("</p>\n");
		html.append("<form method=\"post\" action=\"/checkout/").append(orderId).append("\">\n");
		html.append("<input type=\"hidden\" name=\"callback_url\" value=\"")
			.append(Html.escape(callbackUrl))
			.append("\">\n");
		html.append("<fieldset>\n<legend>Payment method</legend>\n");
		option(html, "upi", "UPI", true);
		option(html, "card", "Card", false);
		option(html, "netbanking", "Net banking", false);
		html.append("</fieldset>\n");
		html.append("<div class=\"field\">\n<label for=\"vpa\">UPI ID (for UPI)</label>\n");
		html.append("<input type=\"text\" id=\"vpa\" name=\"vpa\" placeholder=\"name@bank\" autocomplete=\"off\"")
			.append(" autocapitalize=\"none\" spellcheck=\"false\" inputmode=\"email\">\n</div>\n");
		html.append("<button type=\"submit\" id=\"pay\" name=\"outcome\" value=\"success\">Pay ")
			.append(Html.escape(amount))
			.append("</button>\n");
		html.append(
				"<button type=\"submit\" id=\"fail\" name=\"outcome\" value=\"failure\">Simulate failure</button>\n");
		html.append("<button type=\"submit\" id=\"cancel\" name=\"outcome\" value=\"abandon\">Cancel</button>\n");
		html.append("</form>\n");
		html.append("<p class=\"muted\">Sandbox checkout: no real money moves.</p>\n");
		html.append("</main>\n</body>\n</html>\n");
		return html.toString();
	}

	/** The page of an order that is already paid, with a link back to the merchant. */
	static String alreadyPaid(Order order, String merchantName, String callbackUrl) {
		StringBuilder html = new StringBuilder(2048);
		head(html, "Already paid");
		html.append("<main>\n<h1>This order is already paid</h1>\n");
		html.append("<p>Order <span id=\"order-id\">")
			.append(Html.escape(order.id()))
			.append("</span> of ")
			.append(Html.escape(CheckoutController.rupees(order.amount())))
			.append(" to ")
			.append(Html.escape(merchantName))
			.append(" has been paid. Nothing more is charged.</p>\n");
		html.append("<a class=\"button\" id=\"back\" href=\"")
			.append(Html.escape(callbackUrl))
			.append("\">Back to ")
			.append(Html.escape(merchantName))
			.append("</a>\n");
		html.append("</main>\n</body>\n</html>\n");
		return html.toString();
	}

	/**
	 * An error page (404 unknown order, 400 bad input) with an optional link back to the
	 * form.
	 */
	static String error(String title, String message, String backHref) {
		StringBuilder html = new StringBuilder(1024);
		head(html, title);
		html.append("<main>\n<h1>").append(Html.escape(title)).append("</h1>\n");
		html.append("<p id=\"message\">").append(Html.escape(message)).append("</p>\n");
		if (backHref != null) {
			html.append("<a class=\"button\" id=\"back\" href=\"")
				.append(Html.escape(backHref))
				.append("\">Back to the payment</a>\n");
		}
		html.append("</main>\n</body>\n</html>\n");
		return html.toString();
	}

	private static void option(StringBuilder html, String value, String label, boolean checked) {
		html.append("<div class=\"option\"><input type=\"radio\" id=\"method-")
			.append(value)
			.append("\" name=\"method\" value=\"")
			.append(value)
			.append("\"")
			.append(checked ? " checked" : "")
			.append("><label for=\"method-")
			.append(value)
			.append("\">")
			.append(Html.escape(label))
			.append("</label></div>\n");
	}

	private static void head(StringBuilder html, String title) {
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
		html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
		html.append("<title>").append(Html.escape(title)).append("</title>\n");
		html.append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
	}

}
