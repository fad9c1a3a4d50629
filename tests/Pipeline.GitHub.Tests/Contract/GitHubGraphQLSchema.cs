namespace Pipeline.GitHub.Tests.Contract;

/// <summary>
/// GitHub's official GraphQL schema (<c>schema.graphql</c> of the npm package <c>@octokit/graphql-schema</c>),
/// installed on first use into <c>.nuke/temp/graphql-schema</c> (git-ignored) with <c>npm install --no-save</c>,
/// read into types, fields, arguments and enum values.
/// </summary>
public sealed class GitHubGraphQLSchema
{
    public const string PackageVersion = "15.26.1";

    public GitHubGraphQLSchema()
    {
        var file = Path.Combine(Pipeline.Tests.Shared.NpmPackage.Ensure("@octokit/graphql-schema", PackageVersion, "graphql-schema"), "schema.graphql");
        Read(GraphQLTokens.Split(File.ReadAllText(file)));
    }

    /// <summary>Type name to kind: type, interface, input, union, enum, scalar.</summary>
    public Dictionary<string, string> Kinds { get; } = new(StringComparer.Ordinal);

    /// <summary>Object, interface and input fields: type name to field name to (type reference, arguments name to type reference).</summary>
    public Dictionary<string, Dictionary<string, (string Type, Dictionary<string, string> Arguments, bool HasDefault)>> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>Union members, interface implementations and enum values, by type name.</summary>
    public Dictionary<string, HashSet<string>> Members { get; } = new(StringComparer.Ordinal);

    public static string BaseName(string typeReference) => typeReference.Trim('[', ']', '!');

    private void Read(List<string> t)
    {
        var i = 0;
        while (i < t.Count)
        {
            var keyword = t[i++];
            switch (keyword)
            {
                case "type" or "interface" or "input":
                    var name = t[i++];
                    Kinds[name] = keyword;
                    var fields = Fields[name] = new(StringComparer.Ordinal);
                    if (t[i] == "implements")
                    {
                        i++;
                        while (t[i] != "{" && t[i] != "@")
                        {
                            if (t[i] != "&")
                            {
                                Members.TryAdd(t[i], []);
                                Members[t[i]].Add(name);
                            }

                            i++;
                        }
                    }

                    SkipDirectives(t, ref i);
                    i++; // {
                    while (t[i] != "}")
                    {
                        var field = t[i++];
                        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
                        if (t[i] == "(")
                        {
                            i++;
                            while (t[i] != ")")
                            {
                                var argument = t[i++];
                                i++; // :
                                arguments[argument] = ReadType(t, ref i);
                                SkipDefault(t, ref i);
                                SkipDirectives(t, ref i);
                            }

                            i++;
                        }

                        i++; // :
                        var type = ReadType(t, ref i);
                        var hasDefault = SkipDefault(t, ref i);
                        SkipDirectives(t, ref i);
                        fields[field] = (type, arguments, hasDefault);
                    }

                    i++;
                    break;
                case "union":
                    var union = t[i++];
                    Kinds[union] = "union";
                    SkipDirectives(t, ref i);
                    i++; // =
                    var members = Members[union] = [];
                    members.Add(t[i++]);
                    while (i < t.Count && t[i] == "|")
                    {
                        members.Add(t[i + 1]);
                        i += 2;
                    }

                    break;
                case "enum":
                    var enumName = t[i++];
                    Kinds[enumName] = "enum";
                    SkipDirectives(t, ref i);
                    var values = Members[enumName] = [];
                    i++; // {
                    while (t[i] != "}")
                    {
                        values.Add(t[i++]);
                        SkipDirectives(t, ref i);
                    }

                    i++;
                    break;
                case "scalar":
                    Kinds[t[i++]] = "scalar";
                    SkipDirectives(t, ref i);
                    break;
                case "directive":
                    i += 2; // @ name
                    if (t[i] == "(")
                    {
                        SkipBalanced(t, ref i, "(", ")");
                    }

                    i++; // on
                    i++;
                    while (i < t.Count && t[i] == "|")
                    {
                        i += 2;
                    }

                    break;
                case "schema":
                    SkipBalanced(t, ref i, "{", "}");
                    break;
                default:
                    throw new FormatException($"Unexpected '{keyword}' in the GraphQL schema at token {i}.");
            }
        }

        foreach (var builtIn in new[] { "String", "Int", "Float", "Boolean", "ID" })
        {
            Kinds[builtIn] = "scalar";
        }
    }

    public static string ReadType(List<string> t, ref int i)
    {
        if (t[i] == "[")
        {
            i++;
            var list = "[" + ReadType(t, ref i) + "]";
            i++; // ]
            return NonNull(t, ref i, list);
        }

        return NonNull(t, ref i, t[i++]);
    }

    private static string NonNull(List<string> t, ref int i, string type)
    {
        if (i < t.Count && t[i] == "!")
        {
            i++;
            return type + "!";
        }

        return type;
    }

    private static bool SkipDefault(List<string> t, ref int i)
    {
        if (t[i] != "=")
        {
            return false;
        }

        i++;
        if (t[i] is "{" or "[")
        {
            SkipBalanced(t, ref i, t[i], t[i] == "{" ? "}" : "]");
        }
        else
        {
            i++;
        }

        return true;
    }

    private static void SkipDirectives(List<string> t, ref int i)
    {
        while (i < t.Count && t[i] == "@")
        {
            i += 2;
            if (i < t.Count && t[i] == "(")
            {
                SkipBalanced(t, ref i, "(", ")");
            }
        }
    }

    private static void SkipBalanced(List<string> t, ref int i, string open, string close)
    {
        var depth = 0;
        do
        {
            depth += t[i] == open ? 1 : t[i] == close ? -1 : 0;
            i++;
        }
        while (depth > 0);
    }
}
