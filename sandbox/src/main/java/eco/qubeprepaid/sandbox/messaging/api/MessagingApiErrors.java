package eco.qubeprepaid.sandbox.messaging.api;

import java.util.Map;

import eco.qubeprepaid.sandbox.messaging.model.MessagingChoices;
import eco.qubeprepaid.sandbox.messaging.model.MessagingException;
import eco.qubeprepaid.sandbox.messaging.model.Wire;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns every refusal of the messaging provider's controllers (API and admin) into its
 * error envelope {@code {"error":{"code","message"}}}. Scoped to the messaging packages
 * and ahead of the Qube simulator's advice, which never sees these controllers.
 */
@RestControllerAdvice(basePackages = "eco.qubeprepaid.sandbox.messaging")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MessagingApiErrors {

	private static final Log logger = LogFactory.getLog(MessagingApiErrors.class);

	@ExceptionHandler(MessagingException.class)
	ResponseEntity<Map<String, Object>> messaging(MessagingException ex) {
		return respond(ex);
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class })
	ResponseEntity<Map<String, Object>> unreadable(Exception ex) {
		return respond(MessagingException.invalid(MessagingChoices.TEXT_BODY_NOT_JSON));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException ex) {
		return respond(MessagingException.urlNotFound());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, Object>> unexpected(Exception ex, HttpServletRequest request) {
		logger.error("Unexpected failure on " + request.getMethod() + " " + request.getRequestURI(), ex);
		return respond(MessagingException.unexpected());
	}

	private static ResponseEntity<Map<String, Object>> respond(MessagingException ex) {
		return ResponseEntity.status(ex.httpStatus()).body(Wire.error(ex));
	}

}
