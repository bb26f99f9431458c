package eco.qubeprepaid.notifier.notice.web;

import eco.qubeprepaid.notifier.notice.application.Receipts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The messaging provider's delivery receipts, checked against its HMAC signature over the
 * raw body before anything is read. A receipt for a message not yet recorded as sent is
 * answered 409, and the provider sends it again.
 */
@RestController
class ReceiptController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Receipts receipts;

	ReceiptController(Receipts receipts) {
		this.receipts = receipts;
	}

	@PostMapping("/webhooks/messaging/receipts")
	ResponseEntity<String> receipt(@RequestBody byte[] body,
			@RequestHeader(name = "X-Provider-Signature", required = false) String signature) {
		if (!this.receipts.verify(body, signature)) {
			return ResponseEntity.status(401).body("bad or missing X-Provider-Signature");
		}
		JsonNode receipt;
		try {
			receipt = JSON.readTree(body);
		}
		catch (RuntimeException ex) {
			return ResponseEntity.badRequest().body("not JSON");
		}
		String messageId = receipt.path("messageId").asString("");
		String status = receipt.path("status").asString("");
		if (messageId.isBlank() || !(status.equals("delivered") || status.equals("failed"))) {
			return ResponseEntity.badRequest().body("a receipt needs messageId and status delivered or failed");
		}
		String error = receipt.path("error").isString() ? receipt.path("error").asString() : null;
		return this.receipts.apply(messageId, status.equals("delivered"), error)
			.map((notice) -> ResponseEntity.ok("applied"))
			.orElseGet(() -> ResponseEntity.status(409).body("no sent notice has message " + messageId + " yet"));
	}

}
