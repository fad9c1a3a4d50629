using System.Globalization;
using System.Text.Json.Nodes;

namespace Pipeline.Containers;

/// <summary>The instructions that only change the config, as BuildKit's Dockerfile frontend records them.</summary>
internal sealed partial class ScratchImagePlanner
{
    private void DeclareArgs(DockerfileInstruction instruction, Dictionary<string, string?> scope, bool stage)
    {
        foreach (var word in NameValueWords(instruction.Arguments))
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? word : word[..equals];
            if (name.Length == 0)
            {
                throw Error("ARG needs a name: ARG NAME or ARG NAME=default.");
            }

            var lookup = stage ? Lookup : (Func<string, string?>)MetaLookup;
            var fallback = equals < 0 ? null : Expand(word[(equals + 1)..], lookup, split: false)[0];
            var value = _buildArgs.TryGetValue(name, out var given) ? given
                : fallback ?? (stage ? MetaLookup(name) : _automatic.GetValueOrDefault(name));
            scope[name] = value;
            if (stage)
            {
                History(fallback is null ? $"ARG {name}" : $"ARG {name}={fallback}", emptyLayer: true);
            }
        }
    }

    private void Env(DockerfileInstruction instruction)
    {
        var message = "ENV";
        foreach (var (rawKey, rawValue) in NameValues(instruction))
        {
            var key = Expand(rawKey, Lookup, split: false)[0];
            var value = Expand(rawValue, Lookup, split: false)[0];
            var at = _env.FindIndex(e => e.Key == key);
            if (at >= 0)
            {
                _env[at] = new(key, value);
            }
            else
            {
                _env.Add(new(key, value));
            }

            message += $" {key}={value}";
        }

        History(message, emptyLayer: true);
    }

    private void Label(DockerfileInstruction instruction)
    {
        var labels = _config["Labels"] as JsonObject ?? [];
        var message = "LABEL";
        foreach (var (rawKey, rawValue) in NameValues(instruction))
        {
            var key = Expand(rawKey, Lookup, split: false)[0];
            var value = Expand(rawValue, Lookup, split: false)[0];
            labels[key] = value;
            message += $" {key}={value}";
        }

        _config["Labels"] = labels;
        History(message, emptyLayer: true);
    }

    private void Expose(DockerfileInstruction instruction)
    {
        var ports = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var spec in Expand(instruction.Arguments, Lookup, split: true))
        {
            var slash = spec.IndexOf('/', StringComparison.Ordinal);
            var range = slash < 0 ? spec : spec[..slash];
            var protocol = slash < 0 ? "tcp" : spec[(slash + 1)..].ToLowerInvariant();
            var dash = range.IndexOf('-', StringComparison.Ordinal);
            if (protocol is not ("tcp" or "udp" or "sctp")
                || !ushort.TryParse(dash < 0 ? range : range[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                || !ushort.TryParse(dash < 0 ? range : range[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
                || last < first)
            {
                throw Error($"EXPOSE '{spec}' is not a port: write 8080, 8080/udp or 8000-8002/tcp.");
            }

            for (var port = (int)first; port <= last; port++)
            {
                ports.Add(string.Create(CultureInfo.InvariantCulture, $"{port}/{protocol}"));
            }
        }

        AddToSet("ExposedPorts", ports);
        History($"EXPOSE {GoText.SetMap(ports)}", emptyLayer: true);
    }

    private void Volume(DockerfileInstruction instruction)
    {
        var volumes = instruction.JsonForm() ?? Expand(instruction.Arguments, Lookup, split: true);
        if (volumes.Count == 0 || volumes.Any(v => v.Length == 0))
        {
            throw Error("VOLUME needs a path; write VOLUME /data.");
        }

        AddToSet("Volumes", volumes);
        History($"VOLUME [{string.Join(' ', volumes)}]", emptyLayer: true);
    }

    /// <summary>Adds <paramref name="keys"/> to a config field that Go writes as a <c>map[string]struct{}</c>.</summary>
    private void AddToSet(string field, IEnumerable<string> keys)
    {
        var set = _config[field] as JsonObject ?? [];
        foreach (var key in keys)
        {
            set[key] = new JsonObject();
        }

        _config[field] = set;
    }

    private void Workdir(DockerfileInstruction instruction)
    {
        var path = Expand(instruction.Arguments, Lookup, split: false)[0];
        if (path.Length == 0)
        {
            throw Error("WORKDIR needs a path; write WORKDIR /app.");
        }

        var current = _config["WorkingDir"]?.GetValue<string>() ?? "/";
        var folder = "/" + IgnorePattern.CleanPath(path.StartsWith('/') ? path : $"{current}/{path}").TrimStart('/');
        folder = folder == "/." ? "/" : folder;
        _config["WorkingDir"] = folder;
        if (folder == "/")
        {
            History("WORKDIR /", emptyLayer: true);
            return;
        }

        // BuildKit makes the folder (as USER) in a layer of its own, an empty one when it exists already.
        var (uid, gid) = Owner(_config["User"]?.GetValue<string>(), "USER");
        MakeDirectories(folder.TrimStart('/'), uid, gid);
        _layers.Add(new PlannedLayer(_files.TakeChanges()));
        History($"WORKDIR {folder}", emptyLayer: false);
    }

    private void Command(DockerfileInstruction instruction)
    {
        var args = instruction.JsonForm() ?? ["/bin/sh", "-c", instruction.Arguments];
        var array = new JsonArray(args.Select(a => (JsonNode)JsonValue.Create(a)).ToArray());
        if (instruction.Keyword == "CMD")
        {
            _config["Cmd"] = array;
            _config["ArgsEscaped"] = true;
        }
        else
        {
            // An ENTRYPOINT clears only a CMD inherited from a base image, and scratch has none.
            _config["Entrypoint"] = array;
        }

        History($"{instruction.Keyword} {GoText.QuoteList(args)}", emptyLayer: true);
    }

    /// <summary>The numeric owner of <paramref name="user"/> (<c>uid[:gid]</c>); 0:0 when none; names need an engine.</summary>
    private (int Uid, int Gid) Owner(string? user, string what)
    {
        if (string.IsNullOrEmpty(user))
        {
            return (0, 0);
        }

        var colon = user.IndexOf(':', StringComparison.Ordinal);
        var uidText = colon < 0 ? user : user[..colon];
        var gidText = colon < 0 ? null : user[(colon + 1)..];
        if (!int.TryParse(uidText, NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
            || (gidText is not null && !int.TryParse(gidText, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            throw Engine($"{what} {user} names a user or group, which an engine looks up in the image's /etc/passwd; give numeric ids (uid:gid) to write the image directly.");
        }

        return (uid, gidText is null ? uid : int.Parse(gidText, CultureInfo.InvariantCulture));
    }

    private void MakeDirectories(string path, int uid, int gid)
    {
        try
        {
            _files.MakeDirectories(path, uid, gid);
        }
        catch (InvalidOperationException exception)
        {
            throw Error($"{_current.Keyword} {_current.Arguments}: {exception.Message}.");
        }
    }

    /// <summary>The name/value pairs of ENV or LABEL: <c>k=v k2="v 2"</c>, or the old <c>KEY value with spaces</c>.</summary>
    private List<(string Key, string Value)> NameValues(DockerfileInstruction instruction)
    {
        var words = NameValueWords(instruction.Arguments);
        if (words.Count == 0)
        {
            throw Error($"{instruction.Keyword} needs at least one name=value pair.");
        }

        if (!words[0].Contains('=', StringComparison.Ordinal))
        {
            var parts = instruction.Arguments.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            return parts.Length == 2 ? [(parts[0], parts[1].TrimStart())] : throw Error($"{instruction.Keyword} must have two arguments: {instruction.Keyword} name=value.");
        }

        return words.Select(w => w.IndexOf('=', StringComparison.Ordinal) is var e and >= 0
                ? (w[..e], w[(e + 1)..])
                : throw Error($"{instruction.Keyword}: cannot find = in '{w}'; write name=value."))
            .ToList();
    }

    /// <summary>BuildKit's <c>parseWords</c>: split on white space outside quotes, quotes and escapes kept for expansion.</summary>
    private List<string> NameValueWords(string text)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        var inWord = false;
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote == '\0' && char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                continue;
            }

            inWord = true;
            if (quote == '\0' && c is '\'' or '"')
            {
                quote = c;
            }
            else if (quote != '\0' && c == quote)
            {
                quote = '\0';
            }

            if (c == _file.Escape && quote != '\'' && i + 1 < text.Length)
            {
                word.Append(c);
                c = text[++i];
            }

            word.Append(c);
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
