using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ServerlessSync.Pipeline.Configuration;

/// <summary>
/// The one way an options class is registered: bound from its configuration section (<c>BindConfiguration</c>), checked by
/// its own rules, and checked when the host starts (<c>ValidateOnStart</c>), so a wrong or missing setting stops the app
/// at once with the key named, instead of failing orders twenty minutes later. Each problem is reported as "Section:Key ...".
/// </summary>
public static class ValidatedOptions
{
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section, Func<T, IEnumerable<string>> problems)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // The hosts register their configuration already; a composition without a host (tests, tools) binds from the one passed.
        services.TryAddSingleton(configuration);
        services.AddSingleton<IValidateOptions<T>>(new ProblemsValidator<T>(section, problems));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>For consumers that take the options object itself: the validated instance, as a singleton.</summary>
    public static IServiceCollection AddValidatedOptionsValue<T>(this IServiceCollection services, IConfiguration configuration, string section, Func<T, IEnumerable<string>> problems)
        where T : class
    {
        services.AddValidatedOptions(configuration, section, problems);
        return services.AddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
    }

    /// <summary>
    /// The settings of <paramref name="section"/> while services are still being registered, for a registration that
    /// depends on them (which publisher, which starter). The same class is registered with <see cref="AddValidatedOptions"/>,
    /// so its values are also checked when the host starts.
    /// </summary>
    public static T BoundNow<T>(this IConfiguration configuration, string section)
        where T : class, new() =>
        configuration.GetSection(section).Get<T>() ?? new T();

    private sealed class ProblemsValidator<T>(string section, Func<T, IEnumerable<string>> problems) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            if (name != Options.DefaultName)
            {
                return ValidateOptionsResult.Skip;
            }

            var found = problems(options).Select(p => $"{section}:{p}").ToList();
            return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
        }
    }
}
