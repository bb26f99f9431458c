package eco.qubeprepaid.payment.web;

import eco.qubeprepaid.payment.errors.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps payment-service's refusals to RFC 9457 problem details with a specific message.
 */
@RestControllerAdvice
public class ApiErrors {

	@ExceptionHandler(Refusal.class)
	ProblemDetail refused(Refusal ex) {
		return problem(HttpStatus.valueOf(ex.status()), ex.title(), ex.getMessage());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Malformed body",
				"The body is not the JSON this call takes: " + ex.getMostSpecificCause().getMessage());
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ProblemDetail missingParameter(MissingServletRequestParameterException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Missing parameter", ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
