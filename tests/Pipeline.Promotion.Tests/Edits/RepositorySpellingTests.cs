using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion.Tests.Edits;

/// <summary>A pin keeps the file's spelling of a repository that does not change (<c>nginx</c> stays <c>nginx</c>).</summary>
public sealed class RepositorySpellingTests
{
    private static readonly Pipeline.Containers.ImageReference Nginx = TestFiles.Image("nginx:1.25.3@" + TestFiles.NewDigest);

    [Theory]
    [InlineData("nginx:1.24", "nginx:1.25.3@")]
    [InlineData("library/nginx", "library/nginx:1.25.3@")]
    [InlineData("docker.io/library/nginx:1.24@sha256:9999999999999999999999999999999999999999999999999999999999999999", "docker.io/library/nginx:1.25.3@")]
    [InlineData("ghcr.io/org/nginx:1.24", "docker.io/library/nginx:1.25.3@")]
    public void Container_reference_keeps_the_spelling_of_an_unchanged_repository(string old, string expectedPrefix)
    {
        var result = new ContainerImageEdit("web").Apply(TestFiles.Yaml($"kind: Pod\nmetadata: {{name: p}}\nspec:\n  containers:\n  - name: web\n    image: {old}\n"), Nginx);

        result.Changes.Should().ContainSingle().Which.NewValue.Should().Be(expectedPrefix + TestFiles.NewDigest);
    }

    [Fact]
    public void Helm_repository_in_short_form_is_already_in_place()
    {
        var result = HelmValuesEdit.ForImage("image", ImageParts.Repository | ImageParts.Tag).Apply(TestFiles.Yaml("image:\n  repository: nginx\n  tag: '1.24'\n"), Nginx);

        result.Document.Text.Should().Be("image:\n  repository: nginx\n  tag: '1.25.3'\n");
        result.Changes.Select(c => c.Field).Should().Equal("tag");
    }

    [Fact]
    public void Kustomize_short_name_needs_no_newName()
    {
        var result = new KustomizeImageEdit("nginx").Apply(TestFiles.Yaml("images:\n- name: nginx\n  newTag: '1.24'\n"), Nginx);

        result.Document.Text.Should().Be($"images:\n- name: nginx\n  newTag: '1.25.3'\n  digest: '{TestFiles.NewDigest}'\n");
    }

    [Fact]
    public void Marker_name_field_keeps_an_equivalent_spelling()
    {
        var result = new MarkerEdit("web").Apply(TestFiles.Yaml("repo: index.docker.io/library/nginx # {\"$promote\": \"web:name\"}\n"), Nginx);

        result.Changed.Should().BeFalse();
    }
}
