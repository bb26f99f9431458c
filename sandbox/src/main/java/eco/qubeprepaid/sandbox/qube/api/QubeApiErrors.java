package eco.qubeprepaid.sandbox.qube.api;

import java.util.Map;

import eco.qubeprepaid.sandbox.qube.config.QubeSimulation;
import eco.qubeprepaid.sandbox.qube.model.QubeException;
import eco.qubeprepaid.sandbox.qube.model.SimChoices;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns refusals into responses. Under {@code /api/} every answer is the Qube error
 * envelope with the code and status of G13; elsewhere (the admin API) a plain
 * {@code {"error", "message"}} object.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class QubeApiErrors {

	private static final Log logger = LogFactory.getLog(QubeApiErrors.class);

	private final QubeSimulation simulation;

	public QubeApiErrors(QubeSimulation simulation) {
		this.simulation = simulation;
	}

	@ExceptionHandler(QubeException.class)
	ResponseEntity<Object> qube(QubeException ex, HttpServletRequest request) {
		return respond(request, ex.error(), ex.getMessage());
	}

	@ExceptionHandler({ NoHandlerFoundException.class, NoResourceFoundException.class })
	ResponseEntity<Object> notFound(Exception ex, HttpServletRequest request) {
		return respond(request, SimChoices.Error.NOT_FOUND, SimChoices.Error.NOT_FOUND.detail());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Object> methodNotAllowed(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
		return respond(request, SimChoices.Error.METHOD_NOT_ALLOWED, "Method \"" + ex.getMethod() + "\" not allowed.");
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class })
	ResponseEntity<Object> unreadable(Exception ex, HttpServletRequest request) {
		return respond(request, SimChoices.Error.VALIDATION_ERROR, "The body is not valid JSON of the expected shape.");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
		logger.error("Unexpected failure on " + request.getMethod() + " " + request.getRequestURI(), ex);
		return respond(request, SimChoices.Error.INTERNAL_ERROR, SimChoices.Error.INTERNAL_ERROR.detail());
	}

	private ResponseEntity<Object> respond(HttpServletRequest request, SimChoices.Error error, String detail) {
		if (request.getRequestURI().startsWith("/api/")) {
			request.setAttribute(QubeApiFilter.OUTCOME, error.code());
			return ResponseEntity.status(error.httpStatus())
				.body(Envelope.error(error, detail, this.simulation.clock().now()));
		}
		return ResponseEntity.status(HttpStatus.valueOf(error.httpStatus()))
			.body(Map.of("error", error.code(), "message", detail));
	}

}
