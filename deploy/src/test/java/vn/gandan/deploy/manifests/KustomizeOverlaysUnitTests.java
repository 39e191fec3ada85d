package vn.gandan.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders each overlay of deploy/k8s with kubectl's built-in Kustomize and checks what a cluster would get: the
 * four services with probes, limits, a disruption budget and network policies, Secrets only by reference, and no
 * more consumers than partitions.
 */
class KustomizeOverlaysUnitTests {

    private static final Set<String> SERVICES =
            Set.of("intake-service", "routing-service", "notification-service", "reporting-service");

    private static final String INSTALL =
            "kubectl v1.32 (its built-in Kustomize) is at /usr/bin/kubectl on the project's machines; elsewhere"
                    + " install kubectl, or set KUBECTL to its path";

    @ParameterizedTest
    @ValueSource(strings = {"production", "production-keda", "single-node"})
    void anOverlayRendersTheFourServicesWithProbesLimitsBudgetsAndPolicies(String overlay) {
        Rendered rendered = render(overlay);

        assertThat(rendered.names("Deployment")).isEqualTo(SERVICES);
        assertThat(rendered.names("Service")).isEqualTo(SERVICES);
        assertThat(rendered.names("PodDisruptionBudget")).isEqualTo(SERVICES);
        assertThat(rendered.names("NetworkPolicy")).contains("gandan-default-deny", "gandan-infrastructure");
        assertThat(rendered.names("NetworkPolicy")).containsAll(SERVICES);
        assertThat(rendered.kinds()).doesNotContain("Secret");
        for (Map<String, Object> deployment : rendered.of("Deployment")) {
            String name = Manifest.name(deployment);
            assertThat(Manifest.<String>at(deployment, "metadata", "namespace"))
                    .as(name)
                    .isEqualTo("gandan");
            assertThat(Manifest.<Integer>at(deployment, "spec", "replicas"))
                    .as(name)
                    .isBetween(1, rendered.partitions());
            for (Map<String, Object> container : Manifest.containers(deployment)) {
                String where = name + "/" + container.get("name");
                assertThat(Manifest.<String>at(container, "readinessProbe", "httpGet", "path"))
                        .as(where)
                        .isEqualTo("/actuator/health/readiness");
                assertThat(Manifest.<String>at(container, "livenessProbe", "httpGet", "path"))
                        .as(where)
                        .isEqualTo("/actuator/health/liveness");
                assertThat(Manifest.<Object>at(container, "resources", "limits", "memory"))
                        .as(where)
                        .isNotNull();
                assertThat(Manifest.<Object>at(container, "resources", "limits", "cpu"))
                        .as(where)
                        .isNotNull();
                assertThat(Manifest.<Object>at(container, "resources", "requests", "memory"))
                        .as(where)
                        .isEqualTo(Manifest.at(container, "resources", "limits", "memory"));
                assertThat(Manifest.<Boolean>at(container, "securityContext", "readOnlyRootFilesystem"))
                        .as(where)
                        .isTrue();
            }
            assertThat(Manifest.<Boolean>at(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot"))
                    .as(name)
                    .isTrue();
        }
    }

    @Test
    void productionReplicatesTopicsThreeTimesAndAutoscalesUpToThePartitionCount() {
        Rendered rendered = render("production");

        assertThat(rendered.common()).containsEntry("GANDAN_KAFKA_REPLICAS", "3");
        assertThat(rendered.common()).containsEntry("GANDAN_KAFKA_MININSYNCREPLICAS", "2");
        assertThat(rendered.names("HorizontalPodAutoscaler")).isEqualTo(SERVICES);
        for (Map<String, Object> hpa : rendered.of("HorizontalPodAutoscaler")) {
            assertThat(Manifest.<Integer>at(hpa, "spec", "maxReplicas"))
                    .as(Manifest.name(hpa))
                    .isLessThanOrEqualTo(rendered.partitions());
            assertThat(Manifest.<String>at(hpa, "spec", "scaleTargetRef", "name"))
                    .isEqualTo(Manifest.name(hpa));
        }
        assertThat(rendered.kinds()).doesNotContain("ScaledObject");
    }

    @Test
    void productionKedaScalesOnTheGroupsLagUpToThePartitionCount() {
        Rendered rendered = render("production-keda");

        assertThat(rendered.names("ScaledObject")).isEqualTo(SERVICES);
        assertThat(rendered.kinds()).doesNotContain("HorizontalPodAutoscaler");
        for (Map<String, Object> scaled : rendered.of("ScaledObject")) {
            assertThat(Manifest.<Integer>at(scaled, "spec", "maxReplicaCount"))
                    .as(Manifest.name(scaled))
                    .isLessThanOrEqualTo(rendered.partitions());
            List<Map<String, Object>> triggers = Manifest.at(scaled, "spec", "triggers");
            assertThat(triggers).as(Manifest.name(scaled)).anySatisfy(t -> assertThat(t.get("type"))
                    .isEqualTo("kafka"));
        }
    }

    @Test
    void singleNodeReplicatesTopicsOnce() {
        Rendered rendered = render("single-node");

        assertThat(rendered.common()).containsEntry("GANDAN_KAFKA_REPLICAS", "1");
        assertThat(rendered.common()).containsEntry("GANDAN_KAFKA_MININSYNCREPLICAS", "1");
        assertThat(rendered.of("Deployment")).allSatisfy(d -> assertThat(Manifest.<Integer>at(d, "spec", "replicas"))
                .isEqualTo(1));
    }

    @Test
    void theTopicsOverlayDeclaresEveryTopicWithItsRetention() {
        Rendered rendered = render("kafka-topics");

        Map<String, Map<String, Object>> topics = rendered.of("KafkaTopic").stream()
                .collect(Collectors.toMap(t -> Manifest.at(t, "spec", "topicName"), t -> t));
        assertThat(topics.keySet())
                .containsExactlyInAnyOrder(
                        "gandan.intake.petitions.v1",
                        "gandan.intake.contacts.v1",
                        "gandan.routing.cases.v1",
                        "gandan.notification.deliveries.v1",
                        "gandan.intake.dlt",
                        "gandan.routing.dlt",
                        "gandan.notification.dlt",
                        "gandan.reporting.dlt");
        for (String events :
                List.of("gandan.intake.petitions.v1", "gandan.routing.cases.v1", "gandan.notification.deliveries.v1")) {
            assertThat(Manifest.<String>at(topics.get(events), "spec", "config", "retention.ms"))
                    .as(events)
                    .isEqualTo("-1");
        }
        assertThat(Manifest.<String>at(topics.get("gandan.intake.contacts.v1"), "spec", "config", "cleanup.policy"))
                .isEqualTo("compact,delete");
        assertThat(Manifest.<String>at(topics.get("gandan.routing.dlt"), "spec", "config", "retention.ms"))
                .isNotEqualTo("-1");
    }

    @Test
    void everySecretADeploymentNeedsIsInTheExample() {
        Rendered rendered = render("production");
        Set<String> example = new java.util.HashSet<>();
        for (Object document :
                DeployFiles.yaml().loadAll(DeployFiles.read(DeployFiles.root().resolve("k8s/secrets.example.yaml")))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> secret = (Map<String, Object>) document;
            Map<String, Object> data = Manifest.at(secret, "stringData");
            data.keySet().forEach(key -> example.add(Manifest.name(secret) + "/" + key));
            example.add(Manifest.name(secret) + "/*");
        }

        List<String> needed = new ArrayList<>();
        for (Map<String, Object> deployment : rendered.of("Deployment")) {
            for (Map<String, Object> container : Manifest.containers(deployment)) {
                List<Map<String, Object>> env = Manifest.at(container, "env");
                env.stream()
                        .map(e -> Manifest.<Map<String, Object>>at(e, "valueFrom", "secretKeyRef"))
                        .filter(Objects::nonNull)
                        .forEach(ref -> needed.add(ref.get("name") + "/" + ref.get("key")));
                List<Map<String, Object>> envFrom = Manifest.at(container, "envFrom");
                envFrom.stream()
                        .map(e -> Manifest.<Map<String, Object>>at(e, "secretRef"))
                        .filter(Objects::nonNull)
                        .forEach(ref -> needed.add(ref.get("name") + "/*"));
            }
        }
        assertThat(needed).hasSizeGreaterThanOrEqualTo(6);
        assertThat(example).containsAll(needed);
    }

    private static Rendered render(String overlay) {
        Path kubectl = Tools.find("kubectl", INSTALL);
        Path dir = DeployFiles.root().resolve("k8s/overlays").resolve(overlay);
        assertThat(Files.isDirectory(dir)).as(dir.toString()).isTrue();
        Tools.Result result = Tools.run(kubectl, "kustomize", dir.toString());
        assertThat(result.exitCode())
                .as("kubectl kustomize %s:%n%s", dir, result.output())
                .isZero();
        List<Map<String, Object>> manifests = new ArrayList<>();
        for (Object document : DeployFiles.yaml().loadAll(result.output())) {
            if (document != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> manifest = (Map<String, Object>) document;
                manifests.add(manifest);
            }
        }
        return new Rendered(manifests);
    }

    record Rendered(List<Map<String, Object>> manifests) {

        List<Map<String, Object>> of(String kind) {
            return manifests.stream().filter(m -> kind.equals(m.get("kind"))).toList();
        }

        Set<String> kinds() {
            return manifests.stream().map(m -> (String) m.get("kind")).collect(Collectors.toSet());
        }

        Set<String> names(String kind) {
            return of(kind).stream().map(Manifest::name).collect(Collectors.toSet());
        }

        /** The environment every service gets (the generated gandan-common ConfigMap). */
        Map<String, Object> common() {
            return of("ConfigMap").stream()
                    .filter(c -> Manifest.name(c).startsWith("gandan-common"))
                    .findFirst()
                    .map(c -> Manifest.<Map<String, Object>>at(c, "data"))
                    .orElseThrow(() -> new AssertionError("no gandan-common ConfigMap"));
        }

        int partitions() {
            return Integer.parseInt(String.valueOf(common().get("GANDAN_KAFKA_PARTITIONS")));
        }
    }
}
