package eco.qubeprepaid.balance.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the API's refusals to RFC 9457 problem details with a specific message. */
@RestControllerAdvice
public class ApiErrors {

	@ExceptionHandler(UnknownPremiseException.class)
	ProblemDetail unknownPremise(UnknownPremiseException ex) {
		return problem(HttpStatus.NOT_FOUND, "Unknown premise", ex.getMessage());
	}

	@ExceptionHandler(BadRequestException.class)
	ProblemDetail badRequest(BadRequestException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Bad request", ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
