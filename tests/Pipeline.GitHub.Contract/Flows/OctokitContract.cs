using GitHubContract.Targets;
using Octokit;

namespace GitHubContract.Flows;

/// <summary>
/// The paths a GitOps tool takes through GitHub, driven with Octokit 14, asserted once and run twice: against the
/// local GitHub server and against GitHub's recorded answers, so that both are held to one expectation.
/// </summary>
public abstract partial class OctokitContract(ContractTarget target)
{
    protected Scene S => target.Scene;

    protected IGitHubClient User => target.User;

    protected static void ShouldBeSha(string? sha) => sha.Should().MatchRegex("^[0-9a-f]{40}$");

    [Fact]
    public async Task Repository_by_name_and_by_id()
    {
        var repository = await User.Repository.Get(S.Owner, S.Repo);
        var byId = await User.Repository.Get(repository.Id);

        repository.FullName.Should().Be($"{S.Owner}/{S.Repo}");
        repository.Owner.Login.Should().Be(S.Owner);
        repository.DefaultBranch.Should().Be(S.DefaultBranch);
        byId.FullName.Should().Be(repository.FullName);
    }

    [Fact]
    public async Task A_file_read_as_JSON_and_raw()
    {
        var json = (await User.Repository.Content.GetAllContentsByRef(S.Owner, S.Repo, S.File, S.DefaultBranch)).Should().ContainSingle().Subject;
        var raw = await User.Repository.Content.GetRawContentByRef(S.Owner, S.Repo, S.File, S.DefaultBranch);

        json.Type.Value.Should().Be(ContentType.File);
        json.Path.Should().Be(S.File);
        json.Content.Should().Be(S.FileText);
        ShouldBeSha(json.Sha);
        System.Text.Encoding.UTF8.GetString(raw).Should().Be(S.FileText);
    }

    [Fact]
    public async Task A_file_created_updated_and_deleted_as_a_user_in_unsigned_commits()
    {
        var created = await User.Repository.Content.CreateFile(S.Owner, S.Repo, S.NewFile,
            new CreateFileRequest("Add hello", "Hello\n", S.DefaultBranch));
        var updated = await User.Repository.Content.UpdateFile(S.Owner, S.Repo, S.NewFile,
            new UpdateFileRequest("Update hello", "Hello again\n", created.Content.Sha, S.DefaultBranch));
        await User.Repository.Content.DeleteFile(S.Owner, S.Repo, S.NewFile,
            new DeleteFileRequest("Remove hello", updated.Content.Sha, S.DefaultBranch));

        created.Content.Path.Should().Be(S.NewFile);
        ShouldBeSha(created.Commit.Sha);
        created.Commit.Verification.Verified.Should().BeFalse();
        created.Commit.Verification.Reason.Value.Should().Be(VerificationReason.Unsigned);
        updated.Content.Path.Should().Be(S.NewFile);
        ShouldBeSha(updated.Content.Sha);
    }

    [Fact]
    public async Task Git_data_blob_tree_commit_and_refs()
    {
        var blob = await User.Git.Blob.Create(S.Owner, S.Repo, new NewBlob { Content = "Content of the blob", Encoding = EncodingType.Utf8 });
        var readBlob = await User.Git.Blob.Get(S.Owner, S.Repo, blob.Sha);
        var head = await User.Git.Reference.Get(S.Owner, S.Repo, "heads/" + S.DefaultBranch);
        var parent = await User.Git.Commit.Get(S.Owner, S.Repo, head.Object.Sha);
        var newTree = new NewTree { BaseTree = parent.Tree.Sha };
        newTree.Tree.Add(new NewTreeItem { Path = "file.rb", Mode = "100644", Type = TreeType.Blob, Sha = blob.Sha });
        var tree = await User.Git.Tree.Create(S.Owner, S.Repo, newTree);
        var readTree = await User.Git.Tree.Get(S.Owner, S.Repo, tree.Sha);
        var commit = await User.Git.Commit.Create(S.Owner, S.Repo, new NewCommit("my commit message", tree.Sha, parent.Sha));
        var created = await User.Git.Reference.Create(S.Owner, S.Repo, new NewReference("refs/heads/" + S.Branch, commit.Sha));
        var all = await User.Git.Reference.GetAll(S.Owner, S.Repo);
        var heads = await User.Git.Reference.GetAllForSubNamespace(S.Owner, S.Repo, "heads");
        var updated = await User.Git.Reference.Update(S.Owner, S.Repo, "heads/" + S.Branch, new ReferenceUpdate(commit.Sha, force: false));
        await User.Git.Reference.Delete(S.Owner, S.Repo, "heads/" + S.Branch);

        ShouldBeSha(blob.Sha);
        readBlob.Encoding.Value.Should().Be(EncodingType.Base64);
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(readBlob.Content)).Should().Be("Content of the blob");
        head.Ref.Should().StartWith("refs/heads/");
        ShouldBeSha(head.Object.Sha);
        tree.Tree.Should().Contain(item => item.Path == "file.rb" && item.Type.Value == TreeType.Blob);
        readTree.Tree.Should().NotBeEmpty();
        commit.Message.Should().Be("my commit message");
        commit.Tree.Sha.Should().MatchRegex("^[0-9a-f]{40}$");
        commit.Verification.Reason.Value.Should().Be(VerificationReason.Unsigned);
        created.Ref.Should().Be("refs/heads/" + S.Branch);
        all.Should().NotBeEmpty().And.OnlyContain(r => r.Ref.StartsWith("refs/", StringComparison.Ordinal));
        heads.Should().NotBeEmpty().And.OnlyContain(r => r.Ref.StartsWith("refs/heads/", StringComparison.Ordinal));
        updated.Ref.Should().Be(created.Ref);
    }

    [Fact]
    public async Task A_branch_and_its_protection()
    {
        var branch = await User.Repository.Branch.Get(S.Owner, S.Repo, S.DefaultBranch);
        var protection = await User.Repository.Branch.GetBranchProtection(S.Owner, S.Repo, S.ProtectedBranch);

        branch.Name.Should().NotBeNullOrEmpty();
        ShouldBeSha(branch.Commit.Sha);
        protection.RequiredStatusChecks.Contexts.Should().Contain(S.RequiredCheck);
    }
}
