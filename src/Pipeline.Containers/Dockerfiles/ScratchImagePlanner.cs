using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace Pipeline.Containers;

/// <summary>
/// Works out what a Dockerfile makes for one platform when every instruction can be carried out by writing files and
/// config: one <c>FROM scratch</c> stage with <c>ARG</c>, <c>ENV</c>, <c>LABEL</c>, <c>EXPOSE</c>, <c>USER</c>,
/// <c>WORKDIR</c>, <c>VOLUME</c>, <c>STOPSIGNAL</c>, <c>ENTRYPOINT</c>, <c>CMD</c> and <c>COPY</c> from the context.
/// Variables expand as BuildKit expands them (build args, the automatic <c>TARGET*</c> and <c>BUILD*</c> args, ENV
/// over ARG). Anything else (<c>RUN</c>, <c>ADD</c>, a base image, another stage) is a <see cref="DockerfileException"/>
/// with <see cref="DockerfileException.NeedsEngine"/> set, so the caller can hand the build to an engine.
/// </summary>
internal sealed partial class ScratchImagePlanner
{
    /// <summary>BuildKit's default PATH for a Linux image without one.</summary>
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private const string HistoryComment = "buildkit.dockerfile.v0";

    private readonly Dockerfile _file;
    private readonly ContextTree? _context;
    private readonly Platform _platform;
    private readonly IReadOnlyDictionary<string, string> _buildArgs;
    private readonly Dictionary<string, string> _automatic;
    private readonly Dictionary<string, string?> _meta = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _args = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, string>> _env = [new("PATH", DefaultPath)];
    private readonly JsonObject _config = new() { ["WorkingDir"] = "/", ["OnBuild"] = null };
    private readonly JsonArray _history = [];
    private readonly List<PlannedLayer> _layers = [];
    private readonly ScratchFilesystem _files = new();
    private DockerfileInstruction _current = null!;

    private ScratchImagePlanner(Dockerfile file, ContextTree? context, Platform platform, IReadOnlyDictionary<string, string> buildArgs)
    {
        _file = file;
        _context = context;
        _platform = platform;
        _buildArgs = buildArgs;
        var build = BuildPlatform();
        _automatic = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TARGETPLATFORM"] = platform.ToString(),
            ["TARGETOS"] = platform.Os,
            ["TARGETARCH"] = platform.Architecture,
            ["TARGETVARIANT"] = platform.Variant ?? string.Empty,
            ["BUILDPLATFORM"] = build.ToString(),
            ["BUILDOS"] = build.Os,
            ["BUILDARCH"] = build.Architecture,
            ["BUILDVARIANT"] = build.Variant ?? string.Empty,
        };
    }

    /// <summary>
    /// The plan for <paramref name="platform"/>, with <paramref name="labels"/> (the build's own, which win) added to
    /// the config; <paramref name="target"/> must name the stage when given. Without a <paramref name="context"/> the
    /// instructions are checked and COPY writes nothing (its sources may not exist yet).
    /// </summary>
    public static ScratchImagePlan Plan(Dockerfile file, ContextTree? context, Platform platform, IReadOnlyDictionary<string, string> buildArgs,
        IReadOnlyDictionary<string, string> labels, string? target)
    {
        var planner = new ScratchImagePlanner(file, context, platform, buildArgs);
        planner.Run(target);
        if (labels.Count > 0)
        {
            var all = planner._config["Labels"] as JsonObject ?? [];
            foreach (var (key, value) in labels)
            {
                all[key] = value;
            }

            planner._config["Labels"] = all;
        }

        planner._config["Env"] = new JsonArray(planner._env.Select(e => (JsonNode)JsonValue.Create($"{e.Key}={e.Value}")).ToArray());
        var config = new JsonObject
        {
            ["architecture"] = platform.Architecture,
            ["os"] = platform.Os,
            ["config"] = planner._config,
            ["history"] = planner._history,
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray() },
        };
        if (platform.Variant is not null)
        {
            config["variant"] = platform.Variant;
        }

        return new ScratchImagePlan(platform, config, planner._layers);
    }

    private void Run(string? target)
    {
        var stages = _file.Instructions.Count(i => i.Keyword == "FROM");
        if (stages == 0)
        {
            throw new DockerfileException(_file.Path, 0, "there is no FROM instruction; start the Dockerfile with FROM.");
        }

        var started = false;
        foreach (var instruction in _file.Instructions)
        {
            _current = instruction;
            if (!started)
            {
                if (instruction.Keyword == "ARG")
                {
                    DeclareArgs(instruction, _meta, stage: false);
                    continue;
                }

                if (instruction.Keyword != "FROM")
                {
                    throw Error($"{instruction.Keyword} comes before FROM; only ARG may come before the first FROM.");
                }

                if (stages > 1)
                {
                    throw Engine("a Dockerfile of several stages is built by an engine; the direct strategy writes one FROM scratch stage.");
                }

                From(instruction, target);
                started = true;
                continue;
            }

            Dispatch(instruction);
        }
    }

    private void From(DockerfileInstruction instruction, string? target)
    {
        if (instruction.Flags.Count > 0)
        {
            throw Engine($"FROM {string.Join(' ', instruction.Flags)} is built by an engine.");
        }

        var words = Expand(instruction.Arguments, MetaLookup, split: true);
        var image = words.Count > 0 ? words[0] : throw Error("FROM needs an image; write FROM scratch or FROM <image>.");
        var stage = words.Count == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2]
            : words.Count == 1 ? null
            : throw Error($"FROM takes an image and an optional 'AS name', not '{instruction.Arguments}'.");
        if (image != "scratch")
        {
            throw Engine($"FROM {image} starts from a base image, which an engine pulls and unpacks; the direct strategy writes FROM scratch images only.");
        }

        if (target is not null && !string.Equals(target, stage, StringComparison.OrdinalIgnoreCase))
        {
            throw Error($"the target stage '{target}' is not in the Dockerfile{(stage is null ? string.Empty : $" (its stage is '{stage}')")}; pass an existing --target or none.");
        }
    }

    private void Dispatch(DockerfileInstruction instruction)
    {
        switch (instruction.Keyword)
        {
            case "ARG":
                DeclareArgs(instruction, _args, stage: true);
                break;
            case "ENV":
                Env(instruction);
                break;
            case "LABEL":
                Label(instruction);
                break;
            case "EXPOSE":
                Expose(instruction);
                break;
            case "USER":
                Metadata(instruction, "User", Expand(instruction.Arguments, Lookup, split: false)[0]);
                break;
            case "STOPSIGNAL":
                Metadata(instruction, "StopSignal", Expand(instruction.Arguments, Lookup, split: false)[0]);
                break;
            case "VOLUME":
                Volume(instruction);
                break;
            case "WORKDIR":
                Workdir(instruction);
                break;
            case "ENTRYPOINT":
            case "CMD":
                Command(instruction);
                break;
            case "COPY":
                Copy(instruction);
                break;
            case "RUN":
                throw Engine("RUN executes a command in a container, which needs an engine; the direct strategy only writes files and config.");
            case "ADD":
                throw Engine("ADD can fetch URLs and unpack archives, which the direct strategy leaves to an engine; write COPY for plain files.");
            case "FROM":
                throw Engine("a Dockerfile of several stages is built by an engine.");
            case "HEALTHCHECK" or "SHELL" or "ONBUILD" or "MAINTAINER":
                throw Engine($"{instruction.Keyword} is built by an engine; the direct strategy does not write it.");
            default:
                throw Error($"unknown instruction '{instruction.Keyword}'; check its spelling.");
        }
    }

    private string? MetaLookup(string name) =>
        _meta.TryGetValue(name, out var value) ? value : _automatic.GetValueOrDefault(name);

    private string? Lookup(string name)
    {
        for (var i = _env.Count - 1; i >= 0; i--)
        {
            if (_env[i].Key == name)
            {
                return _env[i].Value;
            }
        }

        return _args.TryGetValue(name, out var value) ? value : null;
    }

    private IReadOnlyList<string> Expand(string text, Func<string, string?> lookup, bool split)
    {
        try
        {
            var words = new DockerfileWords(_file.Escape, lookup);
            return split ? words.Words(text) : [words.Word(text)];
        }
        catch (FormatException exception)
        {
            throw Error($"{_current.Keyword} {text}: {exception.Message}.");
        }
    }

    private void History(string createdBy, bool emptyLayer)
    {
        var entry = new JsonObject { ["created_by"] = createdBy, ["comment"] = HistoryComment };
        if (emptyLayer)
        {
            entry["empty_layer"] = true;
        }

        _history.Add(entry);
    }

    private void Metadata(DockerfileInstruction instruction, string field, string value)
    {
        _config[field] = value;
        History($"{instruction.Keyword} {value}", emptyLayer: true);
    }

    private DockerfileException Error(string problem) => new(_file.Path, _current.Line, problem);

    private DockerfileException Engine(string problem) => new(_file.Path, _current.Line, problem, needsEngine: true);

    private static Platform BuildPlatform() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.Arm64 => new Platform("linux", "arm64"),
        Architecture.Arm => new Platform("linux", "arm", "v7"),
        Architecture.X86 => new Platform("linux", "386"),
        _ => new Platform("linux", "amd64"),
    };
}
