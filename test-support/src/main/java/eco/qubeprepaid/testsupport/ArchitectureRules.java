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
import java.util.concurrent.TimeUnit;

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
 * The architecture rules every service checks with ArchUnit (docs/architecture.md, ADR
 * 0010), with
 * {@code @ArchTest static final ArchTests rules = ArchTests.in(ArchitectureRules.class)}
 * in its {@code ArchitectureTest}. A service's code under its root package
 * {@code eco.qubeprepaid.<service>} (found from each class's own package) is cut by
 * feature first ({@code <root>.<feature>}) and by layer second
 * ({@code <root>.<feature>.domain|application|persistence|messaging|web}); classes
 * directly in the root package are the wiring and belong to no feature.
 * <p>
 * Every rule is stated over all classes of the service, so it holds (and is checked) even
 * while a service has no feature yet, and fails as soon as one class breaks it: none
 * needs {@code allowEmptyShould}.
 */
public final class ArchitectureRules {

	private static final String PROJECT = "eco.qubeprepaid";

	private static final Set<String> SERVICES = Set.of("balance", "poller", "payment", "notifier", "sandbox");

	private static final String TRANSACTIONAL = "org.springframework.transaction.annotation.Transactional";

	private static final List<String> FRAMEWORKS = List.of("org.springframework.", "org.jooq.", "org.apache.kafka.",
			"java.sql.", "javax.sql.", "java.net.http.", "tools.jackson.", "com.fasterxml.jackson.",
			"jakarta.servlet.");

	/**
	 * The domain packages hold the rules of the business and nothing else: no Spring, no
	 * jOOQ, no Kafka, no JDBC, no HTTP and no JSON mapping, so they can be reasoned about
	 * and tested alone.
	 */
	@ArchTest
	public static final ArchRule domainIsFreeOfFrameworks = everyClass(
			"keep domain code free of frameworks and infrastructure", (item, events) -> {
				if (!layerOf(item.getPackageName()).equals("domain")) {
					return;
				}
				for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
					String target = dependency.getTargetClass().getName();
					if (FRAMEWORKS.stream().anyMatch(target::startsWith)) {
						events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
					}
				}
			});

	/**
	 * A feature reaches another only through its application services, ports and domain:
	 * never through the other's {@code persistence} or {@code web}.
	 */
	@ArchTest
	public static final ArchRule featuresNeverUseAnotherFeaturesPersistenceOrWeb = everyClass(
			"never use another feature's persistence or web package", (item, events) -> {
				String feature = featureOf(item.getPackageName());
				if (feature.isEmpty()) {
					return;
				}
				for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
					String target = dependency.getTargetClass().getPackageName();
					String layer = layerOf(target);
					if (sameService(item.getPackageName(), target) && !featureOf(target).equals(feature)
							&& (layer.equals("persistence") || layer.equals("web"))) {
						events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
					}
				}
			});

	/**
	 * No cycles between the service's features (the top-level packages under the root,
	 * shared ones such as {@code web} included) nor between any two of its packages
	 * (jOOQ's generated code under {@code <root>.jooq} aside).
	 */
	@ArchTest
	public static final ArchRule noPackageCycles = classes().that()
		.resideInAPackage(PROJECT + "..")
		.should(new PackageCycles());

	/**
	 * An application service never depends on a controller or anything else of a
	 * {@code web} package: the web calls the application, not the other way round.
	 */
	@ArchTest
	public static final ArchRule applicationNeverUsesControllers = everyClass(
			"never use a web package from an application service", (item, events) -> {
				if (!layerOf(item.getPackageName()).equals("application")) {
					return;
				}
				for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
					String target = dependency.getTargetClass().getPackageName();
					if (sameService(item.getPackageName(), target) && isWeb(target)) {
						events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
					}
				}
			});

	/**
	 * Controllers call application services only: no persistence, no jOOQ, and no
	 * transaction of their own (transactions live in application services).
	 */
	@ArchTest
	public static final ArchRule controllersOnlyCallApplicationServices = everyClass(
			"keep persistence and transactions out of web packages", (item, events) -> {
				if (!isWeb(item.getPackageName())) {
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
					String target = dependency.getTargetClass().getPackageName();
					if (target.startsWith("org.jooq")
							|| (sameService(item.getPackageName(), target) && layerOf(target).equals("persistence"))) {
						events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
					}
				}
			});

	/**
	 * Services share the events and the platform (service-support), never one another's
	 * code.
	 */
	@ArchTest
	public static final ArchRule servicesShareOnlyThePlatform = everyClass("use no other service's code",
			(item, events) -> {
				String own = serviceOf(item.getPackageName());
				for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
					String other = serviceOf(dependency.getTargetClass().getPackageName());
					if (SERVICES.contains(other) && !other.equals(own)) {
						events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
					}
				}
			});

	/**
	 * Workers wait on something that a stop can signal, never in {@code Thread.sleep} nor
	 * in {@code TimeUnit.sleep}, which is the same call.
	 */
	@ArchTest
	public static final ArchRule noThreadSleep = everyClass("never sleep a thread", (item, events) -> {
		for (JavaMethodCall call : item.getMethodCallsFromSelf()) {
			boolean owner = call.getTargetOwner().isEquivalentTo(Thread.class)
					|| call.getTargetOwner().isEquivalentTo(TimeUnit.class);
			if (owner && call.getName().equals("sleep")) {
				events.add(SimpleConditionEvent.violated(item, call.getDescription()));
			}
		}
	});

	/**
	 * India Standard Time is defined once, by the platform ({@code Ist.ZONE}): no service
	 * builds a zone of its own.
	 */
	@ArchTest
	public static final ArchRule theZoneIsThePlatforms = everyClass("take the time zone from the platform's Ist",
			(item, events) -> {
				for (JavaMethodCall call : item.getMethodCallsFromSelf()) {
					if (call.getTargetOwner().isEquivalentTo(java.time.ZoneId.class) && call.getName().equals("of")) {
						events.add(SimpleConditionEvent.violated(item, call.getDescription()));
					}
				}
			});

	private ArchitectureRules() {
	}

	private static ArchRule everyClass(String description, ClassCheck check) {
		return classes().that().resideInAPackage(PROJECT + "..").should(new ArchCondition<JavaClass>(description) {
			@Override
			public void check(JavaClass item, ConditionEvents events) {
				check.check(item, events);
			}
		});
	}

	/** The package segments under the project's root: service, feature, layer, … */
	private static List<String> segments(String packageName) {
		if (!packageName.startsWith(PROJECT + ".")) {
			return List.of();
		}
		return List.of(packageName.substring(PROJECT.length() + 1).split("\\."));
	}

	private static String segment(String packageName, int index) {
		List<String> segments = segments(packageName);
		return (segments.size() > index) ? segments.get(index) : "";
	}

	/** The service a package is in, empty outside the project. */
	static String serviceOf(String packageName) {
		return segment(packageName, 0);
	}

	/** The first package segment under the service's root, empty for the root itself. */
	static String featureOf(String packageName) {
		return segment(packageName, 1);
	}

	/** The second package segment under the service's root, empty above it. */
	static String layerOf(String packageName) {
		return segment(packageName, 2);
	}

	private static boolean sameService(String packageName, String other) {
		return !serviceOf(packageName).isEmpty() && serviceOf(packageName).equals(serviceOf(other));
	}

	private static boolean isWeb(String packageName) {
		return featureOf(packageName).equals("web") || layerOf(packageName).equals("web");
	}

	@FunctionalInterface
	private interface ClassCheck {

		void check(JavaClass item, ConditionEvents events);

	}

	/**
	 * Collects the dependencies between the packages of each service and reports every
	 * cycle, at the level of features and at the level of whole packages.
	 */
	private static final class PackageCycles extends ArchCondition<JavaClass> {

		private final Map<String, Set<String>> features = new TreeMap<>();

		private final Map<String, Set<String>> packages = new TreeMap<>();

		private JavaClass witness;

		PackageCycles() {
			super("be free of package cycles");
		}

		@Override
		public void init(Collection<JavaClass> allObjectsToTest) {
			this.features.clear();
			this.packages.clear();
			this.witness = null;
			for (JavaClass item : allObjectsToTest) {
				this.witness = (this.witness != null) ? this.witness : item;
				String from = item.getPackageName();
				for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
					String to = dependency.getTargetClass().getPackageName();
					if (from.equals(to) || !sameService(from, to) || featureOf(from).isEmpty()
							|| featureOf(to).isEmpty() || generated(from) || generated(to)) {
						continue;
					}
					this.packages.computeIfAbsent(from, (k) -> new TreeSet<>()).add(to);
					if (!featureOf(from).equals(featureOf(to))) {
						this.features.computeIfAbsent(feature(from), (k) -> new TreeSet<>()).add(feature(to));
					}
				}
			}
		}

		/** A feature named with its service, so two services' features never meet. */
		private static String feature(String packageName) {
			return serviceOf(packageName) + ":" + featureOf(packageName);
		}

		/** jOOQ's generated tables refer to one another by design. */
		private static boolean generated(String packageName) {
			return featureOf(packageName).equals("jooq");
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
					List<String> names = cycle.get()
						.stream()
						.map((name) -> name.substring(name.indexOf(':') + 1))
						.toList();
					events.add(SimpleConditionEvent.violated(this.witness,
							"cycle between " + level + ": " + String.join(" -> ", names)));
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
