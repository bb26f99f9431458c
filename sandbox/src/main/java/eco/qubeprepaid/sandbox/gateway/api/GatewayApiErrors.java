package eco.qubeprepaid.sandbox.gateway.api;

import java.util.Map;

import eco.qubeprepaid.sandbox.gateway.model.GatewayChoices;
import eco.qubeprepaid.sandbox.gateway.model.GatewayException;
import eco.qubeprepaid.sandbox.gateway.model.Wire;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns every refusal of the gateway's controllers (API and admin) into the gateway's
 * error envelope. Scoped to the gateway packages and ahead of the Qube simulator's
 * advice, which never sees these controllers (and this one never sees the Qube ones).
 */
@RestControllerAdvice(basePackages = "eco.qubeprepaid.sandbox.gateway")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class GatewayApiErrors {

	private static final Log logger = LogFactory.getLog(GatewayApiErrors.class);

	@ExceptionHandler(GatewayException.class)
	ResponseEntity<Map<String, Object>> gateway(GatewayException ex) {
		return respond(ex);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex) {
		return respond(GatewayException.badRequest(null, GatewayChoices.TEXT_BODY_NOT_JSON));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException ex) {
		return respond(GatewayException.badRequest(null, GatewayChoices.TEXT_BODY_REQUIRED));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<Map<String, Object>> missingHeader(MissingRequestHeaderException ex) {
		return respond(GatewayException.badRequest(null,
				String.format(GatewayChoices.TEXT_HEADER_REQUIRED, ex.getHeaderName())));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException ex) {
		return respond(GatewayException.badRequest(ex.getParameterName(),
				String.format(GatewayChoices.TEXT_REQUIRED, ex.getParameterName())));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return respond(
				GatewayException.badRequest(ex.getName(), String.format(GatewayChoices.TEXT_WRONG_TYPE, ex.getName())));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException ex) {
		return respond(GatewayException.urlNotFound());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, Object>> unexpected(Exception ex, HttpServletRequest request) {
		logger.error("Unexpected failure on " + request.getMethod() + " " + request.getRequestURI(), ex);
		return respond(GatewayException.server());
	}

	private static ResponseEntity<Map<String, Object>> respond(GatewayException ex) {
		return ResponseEntity.status(ex.httpStatus()).body(Wire.error(ex));
	}

}
