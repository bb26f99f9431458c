package eco.qubeprepaid.balance.web;

import eco.qubeprepaid.balance.metering.web.QuarantineConflictException;
import eco.qubeprepaid.balance.metering.web.QuarantineNotFoundException;

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

	@ExceptionHandler(QuarantineNotFoundException.class)
	ProblemDetail unknownQuarantine(QuarantineNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Unknown quarantined reading", ex.getMessage());
	}

	@ExceptionHandler(QuarantineConflictException.class)
	ProblemDetail resolutionRefused(QuarantineConflictException ex) {
		return problem(HttpStatus.CONFLICT, "Resolution refused", ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
