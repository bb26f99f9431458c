package eco.qubeprepaid.testsupport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The architecture rules every service checks with ArchUnit (docs/architecture.md). A
 * service's code under its root package {@code eco.qubeprepaid.<service>} is cut by
 * feature first ({@code <root>.<feature>}) and by layer second
 * ({@code <root>.<feature>.domain|application|persistence|messaging|web}); classes
 * directly in the root package are the wiring and belong to no feature.
 * <p>
 * Every rule is stated over all classes of the service, so it holds (and is checked) even
 * while a service has no feature yet, and fails as soon as one class breaks it: none
 * needs {@code allowEmptyShould}. A service checks them all with
 * {@code @ArchTest static final ArchTests rules = ArchTests.in(ArchitectureRules.class)}
 * in its {@code ArchitectureTest}; the factories taking a root are for other roots (the
 * rules' own tests).
 */
public final class ArchitectureRules {

	private static final Set<String> SERVICES = Set.of("balance", "poller", "payment", "notifier", "sandbox");

	/**
	 * The project's root package: given as the root, a rule finds each class's service
	 * from its package ({@code eco.qubeprepaid.<service>}), as the shared rules below do.
	 */
	public static final String PROJECT = "eco.qubeprepaid";

	private static final String TRANSACTIONAL = "org.springframework.transaction.annotation.Transactional";

	/** See {@link #domainIsFreeOfFrameworks(String)}. */
	@ArchTest
	public static final ArchRule domainIsFreeOfFrameworks = domainIsFreeOfFrameworks(PROJECT);

	/** See {@link #featuresNeverUseAnotherFeaturesPersistenceOrWeb(String)}. */
	@ArchTest
	public static final ArchRule featuresNeverUseAnotherFeaturesPersistenceOrWeb = featuresNeverUseAnotherFeaturesPersistenceOrWeb(
			PROJECT);

	/** See {@link #noPackageCycles(String)}. */
	@ArchTest
	public static final ArchRule noPackageCycles = noPackageCycles(PROJECT);

	/** See {@link #applicationNeverUsesControllers(String)}. */
	@ArchTest
	public static final ArchRule applicationNeverUsesControllers = applicationNeverUsesControllers(PROJECT);

	/** See {@link #controllersOnlyCallApplicationServices(String)}. */
	@ArchTest
	public static final ArchRule controllersOnlyCallApplicationServices = controllersOnlyCallApplicationServices(
			PROJECT);

	/** See {@link #servicesShareOnlyThePlatform(String)}. */
	@ArchTest
	public static final ArchRule servicesShareOnlyThePlatform = servicesShareOnlyThePlatform(PROJECT);

	/** See {@link #noThreadSleep(String)}. */
	@ArchTest
	public static final ArchRule noThreadSleep = noThreadSleep(PROJECT);

	/** See {@link #theZoneIsThePlatforms(String)}. */
	@ArchTest
	public static final ArchRule theZoneIsThePlatforms = theZoneIsThePlatforms(PROJECT);

	private ArchitectureRules() {
	}

	/**
	 * The domain packages hold the rules of the business and nothing else: no Spring, no
	 * jOOQ, no Kafka, no JDBC, no HTTP and no JSON mapping, so they can be reasoned about
	 * and tested alone.
	 * @param root the service's root package
	 * @return the rule
	 */
	public static ArchRule domainIsFreeOfFrameworks(String root) {
		List<String> frameworks = List.of("org.springframework.", "org.jooq.", "org.apache.kafka.", "java.sql.",
				"javax.sql.", "java.net.http.", "tools.jackson.", "com.fasterxml.jackson.", "jakarta.servlet.");
		return everyClass(root, "keep domain code free of frameworks and infrastructure", (item, events) -> {
			if (!layerOf(serviceRoot(root, item), item.getPackageName()).equals("domain")) {
				return;
			}
			for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
				String target = dependency.getTargetClass().getName();
				if (frameworks.stream().anyMatch(target::startsWith)) {
					events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
				}
			}
		});
	}

	/**
	 * A feature reaches another only through its application services, ports and domain:
	 * never through the other's {@code persistence} or {@code web}.
	 * @param root the service's root package
	 * @return the rule
	 */
	public static ArchRule featuresNeverUseAnotherFeaturesPersistenceOrWeb(String root) {
		return everyClass(root, "never use another feature's persistence or web package", (item, events) -> {
			String service = serviceRoot(root, item);
			String feature = featureOf(service, item.getPackageName());
			if (feature.isEmpty()) {
				return;
			}
			for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
				String targetPackage = dependency.getTargetClass().getPackageName();
				String targetFeature = featureOf(service, targetPackage);
				String targetLayer = layerOf(service, targetPackage);
				if (!targetFeature.isEmpty() && !targetFeature.equals(feature)
						&& (targetLayer.equals("persistence") || targetLayer.equals("web"))) {
					events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
				}
			}
		});
	}

	/**
	 * No cycles between the service's features (the top-level packages under the root,
	 * shared ones such as {@code web} included) nor between any two of its packages
	 * (jOOQ's generated code under {@code <root>.jooq} aside).
	 * @param root the service's root package
	 * @return the rule
	 */
	public static ArchRule noPackageCycles(String root) {
		return classes().that().resideInAPackage(root + "..").should(new PackageCycles(root));
	}

	/**
	 * An application service never depends on a controller or anything else of a
	 * {@code web} package: the web calls the application, not the other way round.
	 * @param root the service's root package
	 * @return the rule
	 */
	public static ArchRule applicationNeverUsesControllers(String root) {
		return everyClass(root, "never use a web package from an application service", (item, events) -> {
			String service = serviceRoot(root, item);
			if (!layerOf(service, item.getPackageName()).equals("application")) {
				return;
			}
			for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
				String targetPackage = dependency.getTargetClass().getPackageName();
				if (targetPackage.startsWith(service + ".") && isWeb(service, targetPackage)) {
					events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
				}
			}
		});
	}

	/**
	 * Controllers call application services only: no persistence, no jOOQ, and no
	 * transaction of their own (transactions live in application services).
	 * @param root the service's root package
	 * @return the rule
	 */
	public static ArchRule controllersOnlyCallApplicationServices(String root) {
		return everyClass(root, "keep persistence and transactions out of web packages", (item, events) -> {
			String service = serviceRoot(root, item);
			if (!isWeb(service, item.getPackageName())) {
				return;
			}
			if (item.isAnnotatedWith(TRANSACTIONAL)) {
				events.add(SimpleConditionEvent.violated(item, item.getName() + " is @Transactional"));
			}
			for (JavaMethod method : item.getMethods()) {
				if (method.isAnnotatedWith(TRANSACTIONAL)) {
					events.add(SimpleConditionEvent.violated(item, method.getFullName() + " is @Transactional"));
				}
			}
			for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
				String targetPackage = dependency.getTargetClass().getPackageName();
				if (targetPackage.startsWith("org.jooq") || (targetPackage.startsWith(service + ".")
						&& layerOf(service, targetPackage).equals("persistence"))) {
					events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
				}
			}
		});
	}

	/**
	 * Services share the events and the platform (service-support), never one another's
	 * code.
	 * @param root the service's root package
	 * @return the rule
	 */
	public static ArchRule servicesShareOnlyThePlatform(String root) {
		return everyClass(root, "use no other service's code", (item, events) -> {
			String service = serviceRoot(root, item);
			String own = service.substring(service.lastIndexOf('.') + 1);
			for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
				String target = dependency.getTargetClass().getPackageName();
				if (target.startsWith("eco.qubeprepaid.")) {
					String other = target.substring("eco.qubeprepaid.".length()).split("\\.", 2)[0];
					if (SERVICES.contains(other) && !other.equals(own)) {
						events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
					}
				}
			}
		});
	}

	/**
	 * Workers wait on something that a stop can signal, never in {@code Thread.sleep}.
	 * @param root the service's root package
	 * @return the rule
	 */
	public static ArchRule noThreadSleep(String root) {
		return everyClass(root, "never call Thread.sleep", (item, events) -> {
			for (JavaMethodCall call : item.getMethodCallsFromSelf()) {
				if (call.getTargetOwner().isEquivalentTo(Thread.class) && call.getName().equals("sleep")) {
					events.add(SimpleConditionEvent.violated(item, call.getDescription()));
				}
			}
		});
	}

	/**
	 * India Standard Time is defined once, by the platform ({@code Ist.ZONE}): no service
	 * builds a zone of its own.
	 * @param root the service's root package
	 * @return the rule
	 */
	public static ArchRule theZoneIsThePlatforms(String root) {
		return everyClass(root, "take the time zone from the platform's Ist", (item, events) -> {
			for (JavaMethodCall call : item.getMethodCallsFromSelf()) {
				if (call.getTargetOwner().isEquivalentTo(java.time.ZoneId.class) && call.getName().equals("of")) {
					events.add(SimpleConditionEvent.violated(item, call.getDescription()));
				}
			}
		});
	}

	private static ArchRule everyClass(String root, String description, ClassCheck check) {
		return classes().that().resideInAPackage(root + "..").should(new ArchCondition<JavaClass>(description) {
			@Override
			public void check(JavaClass item, ConditionEvents events) {
				check.check(item, events);
			}
		});
	}

	/**
	 * The root of the service a class belongs to: the given root, or, for the rules of
	 * {@link #PROJECT}, {@code eco.qubeprepaid.<service>} from the class's own package.
	 */
	private static String serviceRoot(String root, JavaClass item) {
		return serviceRoot(root, item.getPackageName());
	}

	private static String serviceRoot(String root, String packageName) {
		if (!root.equals(PROJECT) || !packageName.startsWith(PROJECT + ".")) {
			return root;
		}
		return PROJECT + "." + packageName.substring(PROJECT.length() + 1).split("\\.", 2)[0];
	}

	private static boolean isWeb(String root, String packageName) {
		return featureOf(root, packageName).equals("web") || layerOf(root, packageName).equals("web");
	}

	/** The first package segment under the root, empty for the root itself. */
	static String featureOf(String root, String packageName) {
		List<String> segments = segments(root, packageName);
		return segments.isEmpty() ? "" : segments.get(0);
	}

	/** The second package segment under the root, empty above it. */
	static String layerOf(String root, String packageName) {
		List<String> segments = segments(root, packageName);
		return (segments.size() < 2) ? "" : segments.get(1);
	}

	private static List<String> segments(String root, String packageName) {
		if (!packageName.startsWith(root + ".")) {
			return List.of();
		}
		return List.of(packageName.substring(root.length() + 1).split("\\."));
	}

	@FunctionalInterface
	private interface ClassCheck {

		void check(JavaClass item, ConditionEvents events);

	}

	/**
	 * Collects the dependencies between the service's packages and reports every cycle,
	 * at the level of features and at the level of whole packages.
	 */
	private static final class PackageCycles extends ArchCondition<JavaClass> {

		private final String root;

		private final Map<String, Set<String>> features = new TreeMap<>();

		private final Map<String, Set<String>> packages = new TreeMap<>();

		private final Map<String, JavaClass> witnesses = new TreeMap<>();

		PackageCycles(String root) {
			super("be free of package cycles");
			this.root = root;
		}

		@Override
		public void init(Collection<JavaClass> allObjectsToTest) {
			this.features.clear();
			this.packages.clear();
			for (JavaClass item : allObjectsToTest) {
				String from = item.getPackageName();
				this.witnesses.putIfAbsent(from, item);
				for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
					String to = dependency.getTargetClass().getPackageName();
					String service = serviceRoot(this.root, from);
					if (from.equals(to) || !to.startsWith(service + ".") || !from.startsWith(service + ".")
							|| generated(service, from) || generated(service, to)) {
						continue;
					}
					this.packages.computeIfAbsent(from, (k) -> new TreeSet<>()).add(to);
					String fromFeature = service + ":" + featureOf(service, from);
					String toFeature = service + ":" + featureOf(service, to);
					if (!fromFeature.equals(toFeature)) {
						this.features.computeIfAbsent(fromFeature, (k) -> new TreeSet<>()).add(toFeature);
					}
				}
			}
		}

		/** jOOQ's generated tables refer to one another by design. */
		private static boolean generated(String service, String packageName) {
			return featureOf(service, packageName).equals("jooq");
		}

		@Override
		public void check(JavaClass item, ConditionEvents events) {
		}

		@Override
		public void finish(ConditionEvents events) {
			report("features", this.features, events);
			report("packages", this.packages, events);
		}

		private void report(String level, Map<String, Set<String>> graph, ConditionEvents events) {
			Set<String> reported = new HashSet<>();
			for (String start : graph.keySet()) {
				Optional<List<String>> cycle = cycleThrough(start, graph);
				if (cycle.isPresent() && reported.add(new TreeSet<>(cycle.get()).toString())) {
					JavaClass witness = this.witnesses.values().iterator().next();
					events.add(SimpleConditionEvent
						.violated(witness, "cycle between " + level + ": " + String.join(" -> ",
								cycle.get().stream().map((name) -> name.substring(name.indexOf(':') + 1)).toList())));
				}
			}
		}

		/** A shortest path from start back to start, by breadth-first search. */
		private static Optional<List<String>> cycleThrough(String start, Map<String, Set<String>> graph) {
			Map<String, String> parent = new TreeMap<>();
			Deque<String> queue = new ArrayDeque<>(graph.getOrDefault(start, Set.of()));
			for (String next : queue) {
				parent.put(next, start);
			}
			while (!queue.isEmpty()) {
				String node = queue.poll();
				if (node.equals(start)) {
					List<String> path = new ArrayList<>();
					String at = parent.get(start);
					path.add(start);
					while (!at.equals(start)) {
						path.add(0, at);
						at = parent.get(at);
					}
					path.add(0, start);
					return Optional.of(path);
				}
				for (String next : graph.getOrDefault(node, Set.of())) {
					if (!parent.containsKey(next)) {
						parent.put(next, node);
						queue.add(next);
					}
				}
			}
			return Optional.empty();
		}

	}

}
