package eco.qubeprepaid.poller.registry.web;

import java.util.List;

import eco.qubeprepaid.poller.registry.domain.PremiseRegistry;
import eco.qubeprepaid.poller.registry.domain.UnidentifiedDevice;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator API of the registry. */
@RestController
@RequestMapping("/api/devices")
public class UnidentifiedDevicesController {

	private final PremiseRegistry registry;

	public UnidentifiedDevicesController(PremiseRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Lists the devices that carry no identity and are therefore never polled or billed.
	 * @return the devices
	 */
	@GetMapping("/unidentified")
	public List<UnidentifiedDevice> unidentified() {
		return this.registry.unidentified();
	}

}
