package eco.qubeprepaid.sandbox.gateway.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import eco.qubeprepaid.sandbox.gateway.config.GatewaySimulation;
import eco.qubeprepaid.sandbox.gateway.model.GatewayException;
import eco.qubeprepaid.sandbox.gateway.model.Signatures;
import eco.qubeprepaid.sandbox.gateway.model.Wire;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic authentication of every {@code /v1/**} call against the key id and key
 * secret; anything else is refused with 401 and the gateway's error envelope before any
 * controller runs. Other paths pass untouched.
 */
@Component
public class GatewayAuthFilter extends OncePerRequestFilter {

	private static final String PREFIX = "/v1/";

	private final GatewaySimulation simulation;

	private final JsonMapper mapper;

	public GatewayAuthFilter(GatewaySimulation simulation, JsonMapper mapper) {
		this.simulation = simulation;
		this.mapper = mapper;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return !(uri.startsWith(PREFIX) || uri.equals("/v1"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!authenticated(request.getHeader("Authorization"))) {
			response.setStatus(401);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write(this.mapper.writeValueAsString(Wire.error(GatewayException.authentication())));
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean authenticated(String header) {
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return false;
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		int colon = decoded.indexOf(':');
		if (colon < 0) {
			return false;
		}
		boolean id = Signatures.constantTimeEquals(decoded.substring(0, colon), this.simulation.keyId());
		boolean secret = Signatures.constantTimeEquals(decoded.substring(colon + 1), this.simulation.keySecret());
		return id & secret;
	}

}
