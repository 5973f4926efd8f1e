import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Offline checks of infra/ (issue 8): no Docker engine or Kubernetes cluster exists on the build
 * machines, so this checks what can be checked without them: every YAML file parses; the compose file,
 * the Kubernetes manifests and the Dockerfiles have the keys they need and agree with each other and
 * with the repository (secrets, volumes, service accounts, probe ports, image names, jar paths, main
 * class, Spark version). Run through infra/scripts/check-manifests.sh. Exit 0 = all checks passed.
 *
 * <p>Usage: java -cp snakeyaml.jar CheckManifests.java REPO_ROOT
 */
public final class CheckManifests {
    private static final List<String> failures = new ArrayList<>();
    private static int checks;
    private static Path root;

    public static void main(String[] args) throws IOException {
        root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path infra = root.resolve("infra");
        Map<Path, List<Object>> yaml = parseAll(infra);
        checkCompose(infra.resolve("docker-compose.yml"), yaml);
        checkKubernetes(infra.resolve("k8s"), yaml);
        checkDockerfiles(infra.resolve("docker"));
        System.out.printf("check-manifests: %d checks, %d failed%n", checks, failures.size());
        for (String f : failures) System.out.println("  FAIL " + f);
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static void check(boolean ok, String what) {
        checks++;
        if (!ok) failures.add(what);
    }

    private static String rel(Path p) { return root.relativize(p.toAbsolutePath().normalize()).toString(); }

    @SuppressWarnings("unchecked")
    private static Object at(Object node, String... path) {
        Object cur = node;
        for (String k : path) {
            if (cur instanceof Map<?, ?> m) cur = m.get(k);
            else if (cur instanceof List<?> l && k.matches("\\d+") && Integer.parseInt(k) < l.size()) cur = l.get(Integer.parseInt(k));
            else return null;
        }
        return cur;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) { return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(); }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) { return o instanceof List<?> l ? (List<Object>) l : List.of(); }

    private static String str(Object o) { return o == null ? null : o.toString(); }

    /** Every .yml/.yaml under infra/ parses (multi-document files included). */
    private static Map<Path, List<Object>> parseAll(Path infra) throws IOException {
        Map<Path, List<Object>> out = new HashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(infra)) {
            files = s.filter(p -> p.toString().matches(".*\\.ya?ml$")).filter(p -> !p.toString().contains("/target/")).sorted().toList();
        }
        check(!files.isEmpty(), "no YAML files found under " + rel(infra));
        for (Path f : files) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false); // a duplicated key silently drops settings: treat as an error
            Yaml y = new Yaml(new SafeConstructor(options));
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                List<Object> docs = new ArrayList<>();
                for (Object d : y.loadAll(r)) if (d != null) docs.add(d);
                out.put(f, docs);
                check(!docs.isEmpty(), rel(f) + ": no YAML document");
            } catch (RuntimeException e) {
                check(false, rel(f) + ": does not parse: " + e.getMessage().replace('\n', ' '));
            }
        }
        return out;
    }

    // --- docker-compose.yml ------------------------------------------------------------------------

    private static void checkCompose(Path file, Map<Path, List<Object>> yaml) {
        check(Files.isRegularFile(file), rel(file) + " is missing");
        List<Object> docs = yaml.get(file);
        if (docs == null || docs.isEmpty()) return;
        Map<String, Object> compose = map(docs.get(0));
        Map<String, Object> services = map(compose.get("services"));
        for (String s : List.of("postgres", "api", "spark-master", "spark-worker")) {
            check(services.containsKey(s), rel(file) + ": service '" + s + "' is missing");
        }
        Set<String> declaredVolumes = map(compose.get("volumes")).keySet();
        for (Map.Entry<String, Object> e : services.entrySet()) {
            String name = e.getKey();
            Map<String, Object> svc = map(e.getValue());
            check(svc.containsKey("image") || svc.containsKey("build"), rel(file) + ": service '" + name + "' has neither image nor build");
            Object build = svc.get("build");
            if (build instanceof Map<?, ?> b) {
                Path context = file.getParent().resolve(Objects.toString(b.get("context"), ".")).normalize();
                Path dockerfile = context.resolve(Objects.toString(b.get("dockerfile"), "Dockerfile")).normalize();
                check(Files.isRegularFile(dockerfile), rel(file) + ": service '" + name + "' builds from " + rel(dockerfile) + ", which does not exist");
            }
            for (Object v : list(svc.get("volumes"))) {
                String src = str(v).split(":")[0];
                if (!src.startsWith(".") && !src.startsWith("/")) {
                    check(declaredVolumes.contains(src), rel(file) + ": service '" + name + "' mounts volume '" + src + "', not declared under volumes:");
                }
            }
            for (Object p : list(svc.get("ports"))) {
                check(str(p).startsWith("127.0.0.1:"), rel(file) + ": service '" + name + "' publishes " + p + " beyond loopback (bind 127.0.0.1)");
            }
            for (Object dep : map(svc.get("depends_on")).keySet()) {
                check(services.containsKey(str(dep)), rel(file) + ": service '" + name + "' depends on unknown service '" + dep + "'");
            }
            for (Object dep : list(svc.get("depends_on"))) {
                check(services.containsKey(str(dep)), rel(file) + ": service '" + name + "' depends on unknown service '" + dep + "'");
            }
        }
        Map<String, Object> apiEnv = map(at(services, "api", "environment"));
        for (String k : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_HTTP_HOST", "ONCOAUDIT_ADMIN_PASSWORD")) {
            check(apiEnv.containsKey(k), rel(file) + ": api environment lacks " + k);
        }
        check("0.0.0.0".equals(str(apiEnv.get("QUARKUS_HTTP_HOST"))), rel(file) + ": api must listen on 0.0.0.0 inside its container");
        check(str(apiEnv.get("QUARKUS_DATASOURCE_JDBC_URL")) != null && str(apiEnv.get("QUARKUS_DATASOURCE_JDBC_URL")).contains("//postgres:"),
                rel(file) + ": api datasource URL must point at the postgres service");
        check(map(at(services, "api", "depends_on")).containsKey("postgres"), rel(file) + ": api must depend on postgres");
        check(at(services, "postgres", "healthcheck", "test") != null, rel(file) + ": postgres needs a healthcheck (api waits for it)");
        check(String.valueOf(at(services, "api", "healthcheck", "test")).contains("/q/health/ready"), rel(file) + ": api healthcheck must use /q/health/ready");
        check(String.valueOf(at(services, "spark-worker", "command")).contains("spark://spark-master:7077"), rel(file) + ": spark-worker must join spark://spark-master:7077");
        check(String.valueOf(at(services, "spark-master", "command")).contains("org.apache.spark.deploy.master.Master"), rel(file) + ": spark-master must run the Master");
        String postgresPassword = str(at(services, "postgres", "environment", "POSTGRES_PASSWORD"));
        check(postgresPassword != null && postgresPassword.startsWith("${") && postgresPassword.contains(":?"),
                rel(file) + ": the database password must come from the environment with no default (${VAR:?...})");
        String audit = String.valueOf(at(services, "audit", "command"));
        if (!audit.equals("null")) checkSparkSubmit(rel(file) + " service audit", audit);
    }

    // --- Kubernetes --------------------------------------------------------------------------------

    private record Doc(Path file, Map<String, Object> body) {
        String kind() { return str(body.get("kind")); }
        String name() { return str(at(body, "metadata", "name")) != null ? str(at(body, "metadata", "name")) : str(at(body, "metadata", "generateName")); }
        String where() { return rel(file) + " " + kind() + "/" + name(); }
    }

    private static void checkKubernetes(Path dir, Map<Path, List<Object>> yaml) throws IOException {
        check(Files.isDirectory(dir), rel(dir) + " is missing");
        List<Doc> docs = new ArrayList<>();
        Map<String, Object> kustomization = null;
        for (Map.Entry<Path, List<Object>> e : yaml.entrySet()) {
            if (!e.getKey().startsWith(dir)) continue;
            for (Object d : e.getValue()) {
                Map<String, Object> m = map(d);
                if ("Kustomization".equals(m.get("kind"))) {
                    kustomization = m;
                    for (Object r : list(m.get("resources"))) {
                        check(Files.isRegularFile(e.getKey().getParent().resolve(str(r))), rel(e.getKey()) + ": resource " + r + " does not exist");
                    }
                    continue;
                }
                docs.add(new Doc(e.getKey(), m));
            }
        }
        check(kustomization != null, rel(dir) + ": kustomization.yaml is missing");
        for (Doc d : docs) {
            check(d.body.get("apiVersion") != null, d.where() + ": apiVersion missing");
            check(d.kind() != null, rel(d.file) + ": kind missing");
            check(d.name() != null, d.where() + ": metadata.name (or generateName) missing");
            if (!"Namespace".equals(d.kind())) {
                check("oncoaudit".equals(at(d.body, "metadata", "namespace")), d.where() + ": metadata.namespace must be oncoaudit");
            }
        }
        Map<String, Set<String>> secrets = new HashMap<>();
        Set<String> pvcs = new HashSet<>(), accounts = new HashSet<>();
        for (Doc d : docs) {
            switch (String.valueOf(d.kind())) {
                case "Secret" -> {
                    Set<String> keys = new HashSet<>(map(d.body.get("stringData")).keySet());
                    keys.addAll(map(d.body.get("data")).keySet());
                    secrets.put(d.name(), keys);
                }
                case "PersistentVolumeClaim" -> pvcs.add(d.name());
                case "ServiceAccount" -> accounts.add(d.name());
                default -> { }
            }
        }
        int deployments = 0, services = 0, jobs = 0, sparkApps = 0;
        for (Doc d : docs) {
            switch (String.valueOf(d.kind())) {
                case "Deployment" -> {
                    deployments++;
                    checkDeployment(d, docs);
                    checkPodSpec(d, map(at(d.body, "spec", "template", "spec")), secrets, pvcs, accounts);
                }
                case "Service" -> services++;
                case "Job" -> {
                    jobs++;
                    Map<String, Object> pod = map(at(d.body, "spec", "template", "spec"));
                    String restart = str(pod.get("restartPolicy"));
                    check("Never".equals(restart) || "OnFailure".equals(restart), d.where() + ": a Job's restartPolicy must be Never or OnFailure");
                    checkPodSpec(d, pod, secrets, pvcs, accounts);
                    for (Object c : concat(list(pod.get("initContainers")), list(pod.get("containers")))) {
                        List<Object> cmd = concat(list(map(c).get("command")), list(map(c).get("args")));
                        String line = String.join(" ", cmd.stream().map(String::valueOf).toList());
                        if (line.contains("spark-submit")) {
                            checkSparkSubmit(d.where(), line);
                            Matcher m = Pattern.compile("persistentVolumeClaim\\.[^.]+\\.options\\.claimName=(\\S+)").matcher(line);
                            while (m.find()) check(pvcs.contains(m.group(1)), d.where() + ": executors mount unknown PVC " + m.group(1));
                        }
                    }
                }
                case "SparkApplication" -> {
                    sparkApps++;
                    checkSparkApplication(d, pvcs, accounts);
                }
                default -> { }
            }
        }
        check(deployments >= 1, rel(dir) + ": no Deployment");
        check(services >= 1, rel(dir) + ": no Service");
        check(!secrets.isEmpty(), rel(dir) + ": no Secret");
        check(jobs >= 1, rel(dir) + ": no Job (the spark-submit audit)");
        check(sparkApps >= 1, rel(dir) + ": no SparkApplication");
        // Services select pods of some Deployment and target one of its container ports.
        for (Doc s : docs) {
            if (!"Service".equals(s.kind())) continue;
            Map<String, Object> selector = map(at(s.body, "spec", "selector"));
            check(!selector.isEmpty(), s.where() + ": no selector");
            Doc target = docs.stream().filter(d -> "Deployment".equals(d.kind()))
                    .filter(d -> map(at(d.body, "spec", "template", "metadata", "labels")).entrySet().containsAll(selector.entrySet()))
                    .findFirst().orElse(null);
            check(target != null, s.where() + ": selector " + selector + " matches no Deployment's pod labels");
            if (target == null) continue;
            for (Object p : list(at(s.body, "spec", "ports"))) {
                Object tp = map(p).get("targetPort");
                check(tp != null && containerPortExists(target, tp), s.where() + ": targetPort " + tp + " is no container port of " + target.where());
            }
        }
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static boolean containerPortExists(Doc deployment, Object port) {
        for (Object c : list(at(deployment.body, "spec", "template", "spec", "containers"))) {
            for (Object p : list(map(c).get("ports"))) {
                if (String.valueOf(port).equals(str(map(p).get("name"))) || String.valueOf(port).equals(str(map(p).get("containerPort")))) return true;
            }
        }
        return false;
    }

    private static void checkDeployment(Doc d, List<Doc> docs) {
        Map<String, Object> match = map(at(d.body, "spec", "selector", "matchLabels"));
        Map<String, Object> labels = map(at(d.body, "spec", "template", "metadata", "labels"));
        check(!match.isEmpty() && labels.entrySet().containsAll(match.entrySet()), d.where() + ": selector.matchLabels must be among the pod template labels");
        List<Object> containers = list(at(d.body, "spec", "template", "spec", "containers"));
        check(!containers.isEmpty(), d.where() + ": no containers");
        for (Object c : containers) {
            Map<String, Object> cm = map(c);
            String cname = d.where() + " container " + cm.get("name");
            check(cm.get("image") != null, cname + ": image missing");
            check("/q/health/ready".equals(at(cm, "readinessProbe", "httpGet", "path")), cname + ": readinessProbe must GET /q/health/ready");
            check("/q/health/live".equals(at(cm, "livenessProbe", "httpGet", "path")), cname + ": livenessProbe must GET /q/health/live");
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                Object port = at(cm, probe, "httpGet", "port");
                if (cm.containsKey(probe)) check(port != null && containerPortExists(d, port), cname + ": " + probe + " port " + port + " is no container port");
            }
            check(list(cm.get("args")).contains("serve") || list(cm.get("command")).contains("serve"), cname + ": the API container must run 'serve'");
            Set<String> env = new HashSet<>();
            for (Object e : list(cm.get("env"))) env.add(str(map(e).get("name")));
            for (String k : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_HTTP_HOST")) {
                check(env.contains(k), cname + ": env " + k + " missing");
            }
        }
    }

    /** Secrets and keys, PVCs and service accounts a pod refers to exist among the manifests. */
    private static void checkPodSpec(Doc d, Map<String, Object> pod, Map<String, Set<String>> secrets, Set<String> pvcs, Set<String> accounts) {
        String sa = str(pod.get("serviceAccountName"));
        if (sa != null) check(accounts.contains(sa), d.where() + ": serviceAccountName " + sa + " is not defined");
        Set<String> volumes = new HashSet<>();
        for (Object v : list(pod.get("volumes"))) {
            volumes.add(str(map(v).get("name")));
            String claim = str(at(v, "persistentVolumeClaim", "claimName"));
            if (claim != null) check(pvcs.contains(claim), d.where() + ": PVC " + claim + " is not defined");
        }
        for (Object c : concat(list(pod.get("initContainers")), list(pod.get("containers")))) {
            Map<String, Object> cm = map(c);
            check(cm.get("image") != null, d.where() + " container " + cm.get("name") + ": image missing");
            for (Object e : list(cm.get("env"))) {
                Map<String, Object> ref = map(at(e, "valueFrom", "secretKeyRef"));
                if (ref.isEmpty()) continue;
                String secret = str(ref.get("name")), key = str(ref.get("key"));
                check(secrets.containsKey(secret), d.where() + ": secret " + secret + " is not defined");
                check(secrets.getOrDefault(secret, Set.of()).contains(key), d.where() + ": secret " + secret + " has no key " + key);
            }
            for (Object m : list(cm.get("volumeMounts"))) {
                check(volumes.contains(str(map(m).get("name"))), d.where() + " container " + cm.get("name") + ": mounts undeclared volume " + map(m).get("name"));
            }
        }
    }

    private static void checkSparkSubmit(String where, String commandLine) {
        check(commandLine.contains("--class io.oncoaudit.batch.BatchCli") || commandLine.contains("--class, io.oncoaudit.batch.BatchCli"),
                where + ": spark-submit must run --class io.oncoaudit.batch.BatchCli");
        check(commandLine.contains(jobJarInImage()), where + ": spark-submit must use the job jar the image holds (" + jobJarInImage() + ")");
        check(commandLine.contains("audit"), where + ": spark-submit must run the audit command");
    }

    private static void checkSparkApplication(Doc d, Set<String> pvcs, Set<String> accounts) {
        check("sparkoperator.k8s.io/v1beta2".equals(d.body.get("apiVersion")), d.where() + ": apiVersion must be sparkoperator.k8s.io/v1beta2");
        Map<String, Object> spec = map(d.body.get("spec"));
        for (String k : List.of("type", "mode", "image", "mainClass", "mainApplicationFile", "sparkVersion", "driver", "executor", "restartPolicy", "arguments")) {
            check(spec.containsKey(k), d.where() + ": spec." + k + " missing");
        }
        check("Java".equals(spec.get("type")), d.where() + ": spec.type must be Java");
        check("io.oncoaudit.batch.BatchCli".equals(spec.get("mainClass")), d.where() + ": spec.mainClass must be io.oncoaudit.batch.BatchCli");
        check(Files.isRegularFile(root.resolve("audit-batch/src/main/java/io/oncoaudit/batch/BatchCli.java")), "audit-batch has no io.oncoaudit.batch.BatchCli");
        check(String.valueOf(spec.get("mainApplicationFile")).endsWith(jobJarInImage()), d.where() + ": mainApplicationFile must be local://" + jobJarInImage());
        check("audit".equals(list(spec.get("arguments")).stream().findFirst().map(String::valueOf).orElse("")), d.where() + ": the first argument must be 'audit'");
        String pomSpark = sparkVersionInPom();
        check(pomSpark != null && pomSpark.equals(str(spec.get("sparkVersion"))), d.where() + ": sparkVersion " + spec.get("sparkVersion") + " differs from the build's Spark " + pomSpark);
        String sa = str(at(spec, "driver", "serviceAccount"));
        check(sa != null && accounts.contains(sa), d.where() + ": driver.serviceAccount " + sa + " is not defined");
        Set<String> volumes = new HashSet<>();
        for (Object v : list(spec.get("volumes"))) {
            volumes.add(str(map(v).get("name")));
            String claim = str(at(v, "persistentVolumeClaim", "claimName"));
            if (claim != null) check(pvcs.contains(claim), d.where() + ": PVC " + claim + " is not defined");
        }
        for (String role : List.of("driver", "executor")) {
            for (Object m : list(at(spec, role, "volumeMounts"))) {
                check(volumes.contains(str(map(m).get("name"))), d.where() + ": " + role + " mounts undeclared volume " + map(m).get("name"));
            }
            check(at(spec, role, "memory") != null && at(spec, role, "cores") != null, d.where() + ": " + role + " needs cores and memory");
        }
    }

    private static String sparkVersionInPom() {
        try {
            Matcher m = Pattern.compile("<spark\\.version>([^<]+)</spark\\.version>").matcher(Files.readString(root.resolve("pom.xml")));
            return m.find() ? m.group(1).trim() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Where Dockerfile.spark puts the job jar (the COPY destination ending in .jar). */
    private static String jobJarInImage() {
        try {
            for (String line : Files.readAllLines(root.resolve("infra/docker/Dockerfile.spark"))) {
                Matcher m = Pattern.compile("^COPY\\s.*\\s(/\\S+\\.jar)\\s*$").matcher(line.trim());
                if (m.find()) return m.group(1);
            }
        } catch (IOException ignored) {
            // reported by checkDockerfiles
        }
        return "/opt/oncoaudit/oncoaudit-audit-job.jar";
    }

    // --- Dockerfiles -------------------------------------------------------------------------------

    private static void checkDockerfiles(Path dir) throws IOException {
        for (String name : List.of("Dockerfile.api", "Dockerfile.spark")) {
            Path f = dir.resolve(name);
            check(Files.isRegularFile(f), rel(f) + " is missing");
            if (!Files.isRegularFile(f)) continue;
            List<String> lines = Files.readAllLines(f);
            check(lines.stream().anyMatch(l -> l.startsWith("FROM ")), rel(f) + ": no FROM");
            for (String l : lines) {
                Matcher m = Pattern.compile("^COPY\\s+(?:--chown=\\S+\\s+)?(\\S+)\\s+\\S+$").matcher(l.trim());
                if (!m.find()) continue;
                String src = m.group(1);
                // Sources are build outputs; when the build has run they must exist (the context is the repo root).
                String dirPart = src.contains("*") ? src.substring(0, src.lastIndexOf('/')) : src;
                Path p = root.resolve(dirPart);
                Path module = root.resolve(src.split("/")[0]).resolve("target");
                if (Files.isDirectory(module)) {
                    check(Files.exists(p), rel(f) + ": COPY source " + src + " does not exist although " + rel(module) + " was built");
                } else {
                    System.out.println("  note: " + rel(f) + ": COPY " + src + " not checked (" + rel(module) + " not built)");
                }
            }
        }
        Path api = dir.resolve("Dockerfile.api");
        if (Files.isRegularFile(api)) {
            String s = Files.readString(api);
            check(s.contains("QUARKUS_HTTP_HOST=0.0.0.0"), rel(api) + ": must listen on 0.0.0.0 in the container");
            check(s.contains("quarkus-run.jar") && s.contains("ENTRYPOINT"), rel(api) + ": must run quarkus-run.jar");
            check(s.contains("USER 185"), rel(api) + ": must not run as root");
        }
    }
}
