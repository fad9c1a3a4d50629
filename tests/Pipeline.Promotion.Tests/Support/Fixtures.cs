namespace Pipeline.Promotion.Tests.Support;

/// <summary>The sample GitOps repositories under <c>fixtures/</c>, copied next to the test assembly.</summary>
public static class Fixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", name);

    public static string Read(string name, string file) => File.ReadAllText(Path.Combine(PathOf(name), file));

    public static PromotionSpec Spec(string name) => PromotionSpec.Load(Path.Combine(PathOf(name), "promotion.yaml"));

    public static void CopyTo(string name, string destination)
    {
        var source = PathOf(name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
