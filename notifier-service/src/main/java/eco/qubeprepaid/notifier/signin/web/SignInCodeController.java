package eco.qubeprepaid.notifier.signin.web;

import java.util.Map;

import eco.qubeprepaid.notifier.signin.application.SignInCodes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * payment-service's request to send a tenant their portal sign-in code:
 * {@code POST /api/service/sign-in-codes} with its service account (role
 * {@code SERVICE}). The code travels over this call only, never over Kafka.
 */
@RestController
class SignInCodeController {

	private final SignInCodes codes;

	SignInCodeController(SignInCodes codes) {
		this.codes = codes;
	}

	@PostMapping("/api/service/sign-in-codes")
	ResponseEntity<Map<String, Object>> send(@RequestBody SignInCodes.Request request) {
		boolean sent = this.codes.send(request);
		return ResponseEntity.status(sent ? HttpStatus.ACCEPTED : HttpStatus.OK)
			.body(Map.of("codeId", request.codeId(), "status", sent ? "SENDING" : "ALREADY_SENDING"));
	}

	@ExceptionHandler(SignInCodes.UnknownTenantException.class)
	ResponseEntity<ProblemDetail> unknown(SignInCodes.UnknownTenantException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Unknown tenant");
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

}
