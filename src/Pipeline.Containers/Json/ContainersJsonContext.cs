using System.Text.Json.Serialization;

namespace Pipeline.Containers;

[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(DockerConfigFile))]
[JsonSerializable(typeof(RegistryErrorsDocument))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(ManifestKind))]
[JsonSerializable(typeof(OciIndex))]
[JsonSerializable(typeof(OciDescriptor))]
[JsonSerializable(typeof(OciManifest))]
[JsonSerializable(typeof(OciImageConfig))]
[JsonSerializable(typeof(EngineVersion))]
[JsonSerializable(typeof(EngineInfo))]
[JsonSerializable(typeof(EngineImage))]
[JsonSerializable(typeof(JsonMessage))]
[JsonSerializable(typeof(EngineErrorBody))]
[JsonSerializable(typeof(PushAux))]
[JsonSerializable(typeof(ImageIdAux))]
[JsonSerializable(typeof(SavedImage[]))]
[JsonSerializable(typeof(RegistryAuthHeader))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class ContainersJsonContext : JsonSerializerContext;
