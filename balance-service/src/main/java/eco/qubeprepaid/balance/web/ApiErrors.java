package eco.qubeprepaid.balance.web;

import eco.qubeprepaid.balance.errors.ApiProblem;
import eco.qubeprepaid.balance.errors.BadRequestException;
import eco.qubeprepaid.balance.errors.ConflictException;
import eco.qubeprepaid.balance.errors.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps the API's refusals to RFC 9457 problem details with a specific message. The
 * features' refusals extend the {@code errors} package's, so this advice knows no
 * feature.
 */
@RestControllerAdvice
public class ApiErrors {

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return coded(problem(HttpStatus.NOT_FOUND, ex.title(), ex.getMessage()), ex);
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		return coded(problem(HttpStatus.CONFLICT, ex.title(), ex.getMessage()), ex);
	}

	@ExceptionHandler(BadRequestException.class)
	ProblemDetail badRequest(BadRequestException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Bad request", ex.getMessage());
	}

	private static ProblemDetail coded(ProblemDetail problem, ApiProblem ex) {
		if (ex.code() != null) {
			problem.setProperty("code", ex.code());
		}
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
