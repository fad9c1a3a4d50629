using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion.Tests.Edits;

public sealed class KustomizeImageEditTests
{
    [Fact]
    public void Missing_entry_lists_the_image_names_there_are()
    {
        var act = () => new KustomizeImageEdit("ghcr.io/org/app").Apply(
            TestFiles.Yaml("images:\n- name: ghcr.io/org/api\n  newTag: '1'\n- name: db\n", "overlays/prod/kustomization.yaml"), TestFiles.App);

        var error = act.Should().Throw<ManifestMatchException>().Which;
        error.Found.Should().Equal("images: ghcr.io/org/api, db");
        error.Message.Should().Contain("overlays/prod/kustomization.yaml").And.Contain("images[name=ghcr.io/org/app]");
    }

    [Fact]
    public void File_without_images_says_so()
    {
        var act = () => new KustomizeImageEdit("app").Apply(TestFiles.Yaml("resources:\n- a.yaml\n"), TestFiles.App);

        act.Should().Throw<ManifestMatchException>().Which.Found.Should().Equal("no document has a top-level images: list");
    }

    [Fact]
    public void NewName_is_added_only_when_the_repository_differs_from_the_name()
    {
        var same = new KustomizeImageEdit("ghcr.io/org/app").Apply(TestFiles.Yaml("images:\n- name: ghcr.io/org/app\n  newTag: '1'\n"), TestFiles.App);
        var other = new KustomizeImageEdit("app").Apply(TestFiles.Yaml("images:\n- name: app\n  newTag: '1'\n"), TestFiles.App);

        same.Changes.Select(c => c.Field).Should().Equal("tag", "digest");
        other.Document.Text.Should().Be(
            $"images:\n- name: app\n  newTag: '1.4.2'\n  newName: 'ghcr.io/org/app'\n  digest: '{TestFiles.NewDigest}'\n");
        other.Changes.Where(c => c.Added).Select(c => c.Location).Should().Equal("images[0].newName", "images[0].digest");
    }

    [Fact]
    public void Parts_limit_the_keys_written()
    {
        var result = new KustomizeImageEdit("app") { Parts = ImageParts.Digest }.Apply(TestFiles.Yaml("images:\n  - name: app\n    newTag: v1\n"), TestFiles.App);

        result.Document.Text.Should().Be($"images:\n  - name: app\n    newTag: v1\n    digest: {TestFiles.NewDigest}\n");
    }

    [Fact]
    public void Key_added_after_a_comment_keeps_the_comment_on_its_line()
    {
        var result = new KustomizeImageEdit("app") { Parts = ImageParts.Digest }.Apply(
            TestFiles.Yaml("images:\n  - name: app # the app\n# trailing comment\nother: 1\n"), TestFiles.App);

        result.Document.Text.Should().Be($"images:\n  - name: app # the app\n    digest: {TestFiles.NewDigest}\n# trailing comment\nother: 1\n");
    }

    [Fact]
    public void Empty_newTag_is_filled_and_the_digest_added_below_it()
    {
        var result = new KustomizeImageEdit("app").Apply(TestFiles.Yaml("images:\n  - name: app\n    newTag: # set by CI\n"), TestFiles.Image("app:1.4.2@" + TestFiles.NewDigest));

        result.Document.Text.Should().Be($"images:\n  - name: app\n    newTag: 1.4.2 # set by CI\n    digest: {TestFiles.NewDigest}\n");
    }

    [Fact]
    public void Entry_with_a_duplicated_key_is_refused()
    {
        var act = () => new KustomizeImageEdit("app").Apply(TestFiles.Yaml("images:\n- name: app\n  newTag: a\n  newTag: b\n"), TestFiles.App);

        act.Should().Throw<ManifestSyntaxException>().Where(e => e.Line == 4).WithMessage("*'newTag' appears twice*");
    }

    [Fact]
    public void Entry_ending_in_a_nested_value_cannot_take_new_keys()
    {
        var act = () => new KustomizeImageEdit("app").Apply(TestFiles.Yaml("images:\n- name: app\n  extra:\n    a: b\n"), TestFiles.App);

        act.Should().Throw<ManifestLocationException>().WithMessage("*add the key by hand once*");
    }
}
