package eco.qubeprepaid.poller.registry.domain;

/** Why a meter epoch began. */
public enum EpochReason {

	/** The premise was seen for the first time. */
	DISCOVERED,

	/** Discovery found a new device id under the premise's identity. */
	REPLACEMENT,

	/** A poll found the energy register below the last value of the epoch. */
	REGISTER_DROP

}
