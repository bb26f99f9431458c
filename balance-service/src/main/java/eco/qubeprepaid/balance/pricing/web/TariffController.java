package eco.qubeprepaid.balance.pricing.web;

import java.time.Instant;
import java.util.List;

import eco.qubeprepaid.balance.pricing.domain.TariffScope;
import eco.qubeprepaid.balance.pricing.domain.TariffVersion;
import eco.qubeprepaid.balance.pricing.application.TariffAdministration;
import eco.qubeprepaid.balance.errors.BadRequestException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator API of tariffs. The path's premise id may be a premise, a prefix ending in
 * {@code *} ({@code Building-A.*}) or {@code *} for the whole property. A version is
 * never changed: a new rate is a new version from a later instant.
 */
@RestController
public class TariffController {

	private final TariffAdministration tariffs;

	public TariffController(TariffAdministration tariffs) {
		this.tariffs = tariffs;
	}

	@PutMapping("/api/premises/{premiseId}/tariffs")
	@ResponseStatus(HttpStatus.CREATED)
	public TariffVersionView addVersion(@PathVariable String premiseId, @RequestBody TariffRequest request) {
		TariffScope scope = scope(premiseId);
		if (request.effectiveFrom() == null) {
			throw new BadRequestException(
					"effectiveFrom is required (an ISO instant such as 2025-09-01T00:00:00+05:30)");
		}
		if (request.ebPaisePerKwh() == null || request.ebPaisePerKwh() < 0 || request.dgPaisePerKwh() == null
				|| request.dgPaisePerKwh() < 0) {
			throw new BadRequestException("ebPaisePerKwh and dgPaisePerKwh are required and must be zero or more");
		}
		long fixed = (request.fixedDailyPaise() != null) ? request.fixedDailyPaise() : 0;
		if (fixed < 0) {
			throw new BadRequestException("fixedDailyPaise must be zero or more");
		}
		return TariffVersionView.of(this.tariffs.add(scope, request.effectiveFrom(), request.ebPaisePerKwh(),
				request.dgPaisePerKwh(), fixed));
	}

	@GetMapping("/api/premises/{premiseId}/tariffs")
	public List<TariffVersionView> versions(@PathVariable String premiseId) {
		return this.tariffs.versionsOf(scope(premiseId)).stream().map(TariffVersionView::of).toList();
	}

	private static TariffScope scope(String premiseId) {
		try {
			return new TariffScope(premiseId);
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequestException(ex.getMessage());
		}
	}

	/**
	 * A new tariff version.
	 *
	 * @param effectiveFrom from when it applies
	 * @param ebPaisePerKwh the grid rate
	 * @param dgPaisePerKwh the generator rate
	 * @param fixedDailyPaise the fixed charge per IST day (default 0)
	 */
	public record TariffRequest(Instant effectiveFrom, Long ebPaisePerKwh, Long dgPaisePerKwh, Long fixedDailyPaise) {
	}

	/**
	 * A tariff version as the API shows it.
	 *
	 * @param versionId the version's id
	 * @param scope the premise, prefix or {@code *} it applies to
	 * @param effectiveFrom from when
	 * @param ebPaisePerKwh the grid rate
	 * @param dgPaisePerKwh the generator rate
	 * @param fixedDailyPaise the fixed charge per IST day
	 */
	public record TariffVersionView(long versionId, String scope, Instant effectiveFrom, long ebPaisePerKwh,
			long dgPaisePerKwh, long fixedDailyPaise) {

		static TariffVersionView of(TariffVersion version) {
			return new TariffVersionView(version.versionId(), version.scope().value(), version.effectiveFrom(),
					version.ebPaisePerKwh(), version.dgPaisePerKwh(), version.fixedDailyPaise());
		}

	}

}
