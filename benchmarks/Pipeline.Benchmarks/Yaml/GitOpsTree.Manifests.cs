namespace Pipeline.Benchmarks.Yaml;

internal static partial class GitOpsTree
{
    private static GeneratedFile Deployment(string app, Writer w, Random random, bool bom)
    {
        var reference = $"{Repository(app)}:{Tag}@{Digest}";
        w.Line(Comment(random)).Line("apiVersion: v1").Line("kind: Service").Line("metadata:").Line($"  name: {app}")
            .Line("spec:").Line("  ports: [{port: 80, targetPort: 8080}]").Line($"  selector: {{app: {app}}}").Line("---");
        w.Line("apiVersion: apps/v1").Line("kind: Deployment").Line("metadata:").Line($"  name: {app}")
            .Line("  annotations:").Line($"    description: \"Service {app} — démo, 日本\"")
            .Line("    long: \"" + string.Concat(Enumerable.Repeat("a long annotation value that goes on ", 4)) + "\"")
            .Line("spec:").Line("  replicas: " + random.Next(1, 5)).Line("  template:")
            .Line("    metadata:").Line($"      labels: {{app: {app}, tier: backend}}").Line("    spec:");
        if (random.Next(2) == 0)
        {
            w.Line("      initContainers:").Line("        - name: migrate").Line($"          image: {Repository(app)}-migrate:0.9.0");
        }

        w.Line("      containers:").Line($"        - name: {app}").Append("          image: ")
            .Value(Quote(random, $"{Repository(app)}:0.9.{random.Next(10)}", out _), reference);
        w.Line(random.Next(2) == 0 ? "  " + Comment(random) : "");
        w.Line("          args: [\"--port=8080\", '--mode=fast']").Line("          env:").Line("            - name: GREETING")
            .Line("              value: 'it''s \"quoted\"'").Line("        - name: proxy").Line("          image: ghcr.io/example-org/proxy:2.1 # sidecar");
        if (random.Next(3) == 0)
        {
            w.Line("---").Line("apiVersion: v1").Line("kind: ConfigMap").Line($"metadata: {{name: {app}-config}}").Line("data:")
                .Line("  app.yaml: |").Line($"    image: {Repository(app)}:0.9.0").Line("    # a comment inside a block");
        }

        var edit = new PlanEntry { File = $"apps/{app}/deployment.yaml", Kind = "container", Container = app, Reference = reference };
        return new GeneratedFile(edit.File, w.ToString(), bom, edit, w.Slots);
    }

    private static GeneratedFile HelmValues(string app, Writer w, Random random, bool bom)
    {
        w.Line(Comment(random)).Line("global:").Line("  imagePullSecrets: []").Line("defaults: &defaults")
            .Line("  pullPolicy: IfNotPresent").Line("  resources: {limits: {cpu: 500m, memory: 256Mi}}").Line();
        w.Line("backend:").Line("  <<: *defaults").Line("  replicaCount: 2").Line("  image:" + (random.Next(2) == 0 ? "  " + Comment(random) : ""))
            .Append("    repository: ").Value(Quote(random, Repository(app), out _), Repository(app)).Line()
            .Append("    tag: ").Value(Quote(random, "0.9." + random.Next(10), out var tagQuote), Tag);
        w.Line(random.Next(2) == 0 ? " " + Comment(random) : "");
        w.Append("    digest: ").Value(tagQuote == '\0' ? "\"\"" : $"{tagQuote}{tagQuote}", Digest).Line();
        w.Line("  notes: |").Line("    tag: 0.0.1 stays in the block").Line("    second line: with colon").Line()
            .Line("frontend:").Line("  image:").Line($"    repository: {Repository(app)}-web").Line("    tag: \"0.9.0\" # not this one")
            .Line($"  ingress: {{host: {app}.example.com, paths: [/, /api]}}").Line("  message: >").Line("    folded text").Line("    continues here");
        var edit = new PlanEntry { File = $"lab/{app}/chart/values.yaml", Kind = "helm", Path = "backend.image", Repository = Repository(app), Tag = Tag, Digest = Digest };
        return new GeneratedFile(edit.File, w.ToString(), bom, edit, w.Slots);
    }

    private static GeneratedFile Kustomization(string app, Writer w, Random random, bool bom)
    {
        w.Line("apiVersion: kustomize.config.k8s.io/v1beta1").Line("kind: Kustomization").Line(Comment(random))
            .Line("resources:").Line("  - ../../base").Line("  - rollout.yaml").Line("images:")
            .Line("  - name: ghcr.io/example-org/sidecar").Line("    newTag: \"3.1\"")
            .Line($"  - name: {Repository(app)}" + (random.Next(2) == 0 ? " " + Comment(random) : ""))
            .Append("    newTag: ").Value(Quote(random, "0.9." + random.Next(10), out var quote), Tag).Line(random.Next(2) == 0 ? " # release" : "")
            .Append("    digest: ").Value(quote == '\0' ? "sha256:" + new string('0', 64) : $"{quote}sha256:{new string('0', 64)}{quote}", Digest).Line()
            .Line("labels:").Line($"  - pairs: {{app: {app}}}");
        var edit = new PlanEntry { File = $"platform/{app}/kustomization.yaml", Kind = "kustomize", Name = Repository(app), Tag = Tag, Digest = Digest };
        return new GeneratedFile(edit.File, w.ToString(), bom, edit, w.Slots);
    }
}
