using System.Collections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServerlessSync.Functions;
using ServerlessSync.TestSupport;

namespace ServerlessSync.Infra.Tests.Support;

/// <summary>One configuration key the code reads. <c>*</c> stands for a dictionary entry (e.g. a shop id).</summary>
/// <param name="HasDefault">The code has a usable value when the key is absent (a non-empty initial value).</param>
/// <param name="Source">The option class that binds it, or "read directly".</param>
public sealed record CodeKey(string Key, bool HasDefault, string Source);

/// <summary>
/// Derives the configuration keys the Functions app reads in Azure from the code itself, for one <c>Erp:Kind</c>:
/// <list type="number">
/// <item>It registers the app's services (AddServerlessSyncFunctions) on a recording configuration and resolves every
/// option class of ours registered with the options system; the sections each one binds are recorded. Classes bound
/// eagerly at registration (e.g. SyncSettings, the ERP governor) are matched to the sections listed then by their
/// SectionName constant, or else by elimination.</item>
/// <item>Each option class's public settable properties (recursing into nested classes and dictionary values) give the
/// keys under its section; a key whose property starts with a non-empty value has a default.</item>
/// <item>Keys the code reads directly (<c>configuration["Erp:Kind"]</c>) are the "Section:Key" string literals in the
/// Pipeline and Functions assemblies that are neither a SectionName constant nor a section of a key found above.</item>
/// </list>
/// </summary>
public static class CodeConfigurationKeys
{
    private static readonly Regex KeyLiteral = new("^[A-Z][A-Za-z0-9]*(:[A-Z][A-Za-z0-9]*)+$", RegexOptions.CultureInvariant);

    public static IReadOnlyList<CodeKey> For(string erpKind)
    {
        var recorder = new RecordingConfigurationProvider(new Dictionary<string, string?>
        {
            ["Erp:Kind"] = erpKind,
            ["Storage:TableServiceUri"] = "https://example.table.core.windows.net/",
            ["Storage:QueueServiceUri"] = "https://example.queue.core.windows.net/",
        });
        var configuration = new ConfigurationBuilder().Add(recorder).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddServerlessSyncFunctions(configuration);
        var eager = recorder.Snapshot();

        var sectionsByType = new Dictionary<Type, HashSet<string>>();
        using (var provider = services.BuildServiceProvider())
        {
            foreach (var (type, name) in BoundOptionTypes(services))
            {
                recorder.Reset();
                try
                {
                    var monitor = provider.GetRequiredService(typeof(IOptionsMonitor<>).MakeGenericType(type));
                    monitor.GetType().GetMethod("Get", [typeof(string)])!.Invoke(monitor, [name]);
                }
                catch (TargetInvocationException)
                {
                    // Validation failed on the empty configuration: binding, which is what is recorded, already happened.
                }

                AddSections(sectionsByType, type, recorder.Snapshot().ListedSections);
            }
        }

        AttributeEagerSections(services, eager.ListedSections, sectionsByType);

        var keys = new Dictionary<string, CodeKey>(StringComparer.OrdinalIgnoreCase);
        foreach (var (type, sections) in sectionsByType)
        {
            foreach (var section in sections)
            {
                foreach (var (path, hasDefault) in PropertyPaths(type))
                {
                    var key = $"{section}:{path}";
                    keys[key] = keys.TryGetValue(key, out var existing) && !existing.HasDefault ? existing : new CodeKey(key, hasDefault, type.Name);
                }
            }
        }

        var sectionConstants = SectionNameConstants();
        foreach (var literal in DirectlyReadLiterals())
        {
            var isSection = sectionConstants.Contains(literal) || keys.Keys.Any(k => k.StartsWith(literal + ":", StringComparison.OrdinalIgnoreCase));
            if (!isSection && !keys.ContainsKey(literal))
            {
                keys[literal] = new CodeKey(literal, HasDefault: false, "read directly");
            }
        }

        return keys.Values.OrderBy(k => k.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>Option classes of ours registered with the options system (Configure / AddOptions().Bind), with the option name.</summary>
    private static IEnumerable<(Type Type, string Name)> BoundOptionTypes(IServiceCollection services) =>
        services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
            .Select(d => (Type: d.ServiceType.GetGenericArguments()[0], Name: d.ImplementationInstance?.GetType().GetProperty("Name")?.GetValue(d.ImplementationInstance) as string ?? Options.DefaultName))
            .Where(t => IsOurs(t.Type))
            .Distinct();

    /// <summary>Sections listed while the services were registered belong to the option instances registered then.</summary>
    private static void AttributeEagerSections(IServiceCollection services, HashSet<string> eagerSections, Dictionary<Type, HashSet<string>> sectionsByType)
    {
        var instanceTypes = services
            .Where(d => d.Lifetime == ServiceLifetime.Singleton && d.ImplementationInstance is not null && IsOurs(d.ImplementationInstance.GetType()))
            .Select(d => d.ImplementationInstance!.GetType())
            .Where(t => (t.Name.EndsWith("Options", StringComparison.Ordinal) || t.Name.EndsWith("Settings", StringComparison.Ordinal))
                && t.GetConstructor(Type.EmptyTypes) is not null && PropertyPaths(t).Any())
            .Distinct()
            .ToList();
        var unclaimed = new HashSet<string>(eagerSections.Where(s => !s.Contains(':', StringComparison.Ordinal) || !eagerSections.Any(o => s.StartsWith(o + ":", StringComparison.OrdinalIgnoreCase))), StringComparer.OrdinalIgnoreCase);
        var withoutSectionName = new List<Type>();
        foreach (var type in instanceTypes)
        {
            if (SectionNameOf(type) is { } section && unclaimed.Remove(section))
            {
                AddSections(sectionsByType, type, [section]);
            }
            else if (SectionNameOf(type) is null)
            {
                withoutSectionName.Add(type);
            }
        }

        foreach (var type in withoutSectionName)
        {
            AddSections(sectionsByType, type, unclaimed);
        }
    }

    private static void AddSections(Dictionary<Type, HashSet<string>> sectionsByType, Type type, IEnumerable<string> sections)
    {
        if (!sectionsByType.TryGetValue(type, out var set))
        {
            sectionsByType[type] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        }

        // Only the outermost listed sections: nested objects are walked by reflection.
        var list = sections.ToList();
        set.UnionWith(list.Where(s => !list.Any(o => s.StartsWith(o + ":", StringComparison.OrdinalIgnoreCase))));
    }

    /// <summary>Relative key paths of a bound class and whether each starts with a usable value.</summary>
    public static IEnumerable<(string Path, bool HasDefault)> PropertyPaths(Type type, int depth = 0)
    {
        if (depth > 4)
        {
            yield break;
        }

        var instance = type.GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance(type) : null;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var settable = property.SetMethod is { IsPublic: true };
            var propertyType = property.PropertyType;
            if (!settable && !IsComplex(propertyType) && DictionaryValueType(propertyType) is null)
            {
                continue; // computed, e.g. a Uri built from a bound string
            }

            var value = instance is null ? null : property.GetValue(instance);
            if (DictionaryValueType(propertyType) is { } valueType)
            {
                if (IsComplex(valueType))
                {
                    foreach (var (path, hasDefault) in PropertyPaths(valueType, depth + 1))
                    {
                        yield return ($"{property.Name}:*:{path}", hasDefault);
                    }
                }
                else if (settable || value is not null)
                {
                    yield return ($"{property.Name}:*", value is not null);
                }
            }
            else if (IsComplex(propertyType))
            {
                foreach (var (path, hasDefault) in PropertyPaths(propertyType, depth + 1))
                {
                    yield return ($"{property.Name}:{path}", hasDefault);
                }
            }
            else if (settable)
            {
                yield return (property.Name, value is not null && (value is not string s || s.Length > 0));
            }
        }
    }

    private static Type? DictionaryValueType(Type type)
    {
        var dictionary = type.IsGenericType && type.GetGenericTypeDefinition() is var d
            && (d == typeof(Dictionary<,>) || d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>))
                ? type
                : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        return dictionary?.GetGenericArguments()[1];
    }

    private static bool IsComplex(Type type) =>
        type.IsClass && type != typeof(string) && IsOurs(type) && !typeof(IEnumerable).IsAssignableFrom(type);

    private static bool IsOurs(Type type) => type.Assembly.GetName().Name?.StartsWith("ServerlessSync.", StringComparison.Ordinal) == true;

    private static string? SectionNameOf(Type type) =>
        type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field ? (string?)field.GetRawConstantValue() : null;

    private static Assembly[] CodeAssemblies() => [typeof(FunctionsServices).Assembly, typeof(ServerlessSync.Pipeline.PipelineServices).Assembly];

    private static HashSet<string> SectionNameConstants() =>
        CodeAssemblies().SelectMany(a => a.GetTypes()).Select(SectionNameOf).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every "Section:Key"-shaped string literal loaded (ldstr) by a method in the Pipeline or Functions assembly.</summary>
    private static IEnumerable<string> DirectlyReadLiterals()
    {
        var literals = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in CodeAssemblies().SelectMany(a => a.GetTypes()))
        {
            foreach (var method in type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Cast<MethodBase>()
                .Concat(type.GetConstructors(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)))
            {
                literals.UnionWith(StringLiterals.LoadedBy(method).Where(literal => KeyLiteral.IsMatch(literal)));
            }
        }

        return literals;
    }
}
