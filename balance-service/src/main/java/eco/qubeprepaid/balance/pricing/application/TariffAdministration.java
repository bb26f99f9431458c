package eco.qubeprepaid.balance.pricing.application;

import java.time.Instant;
import java.util.List;

import eco.qubeprepaid.balance.errors.BadRequestException;
import eco.qubeprepaid.balance.pricing.domain.TariffScope;
import eco.qubeprepaid.balance.pricing.domain.TariffVersion;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators' tariff versions: a version is never changed, a new rate is a new version
 * from a later instant.
 */
@Service
public class TariffAdministration {

	private final TariffRepository tariffs;

	public TariffAdministration(TariffRepository tariffs) {
		this.tariffs = tariffs;
	}

	/**
	 * Adds a version.
	 * @param scope the premise, prefix or whole property it applies to
	 * @param effectiveFrom from when
	 * @param ebPaisePerKwh the grid rate
	 * @param dgPaisePerKwh the generator rate
	 * @param fixedDailyPaise the fixed charge per IST day
	 * @return the stored version
	 * @throws BadRequestException if the scope has a version from that instant already
	 */
	@Transactional
	public TariffVersion add(TariffScope scope, Instant effectiveFrom, long ebPaisePerKwh, long dgPaisePerKwh,
			long fixedDailyPaise) {
		try {
			return this.tariffs.add(scope, effectiveFrom, ebPaisePerKwh, dgPaisePerKwh, fixedDailyPaise);
		}
		catch (DuplicateKeyException ex) {
			throw new BadRequestException(
					"scope '" + scope.value() + "' already has a tariff version effective from " + effectiveFrom);
		}
	}

	/**
	 * @param scope a scope
	 * @return its versions
	 */
	@Transactional(readOnly = true)
	public List<TariffVersion> versionsOf(TariffScope scope) {
		return this.tariffs.versionsOf(scope);
	}

}
