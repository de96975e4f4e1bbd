using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Pipeline.Configuration;

namespace ServerlessSync.Pipeline.Events;

public static class OrderEventsServices
{
    /// <summary>
    /// Registers <see cref="IOrderEventPublisher"/>: the Service Bus publisher when <c>ServiceBus:FullyQualifiedNamespace</c>
    /// (managed identity) or <c>ServiceBus:ConnectionString</c> is set, otherwise <see cref="NoOpOrderEventPublisher"/>.
    /// </summary>
    public static IServiceCollection AddOrderEvents(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.BoundNow<ServiceBusEventOptions>(ServiceBusEventOptions.SectionName);
        services.AddValidatedOptionsValue<ServiceBusEventOptions>(configuration, ServiceBusEventOptions.SectionName, o => o.Problems());
        if (!options.IsConfigured)
        {
            services.AddSingleton<IOrderEventPublisher, NoOpOrderEventPublisher>();
            return services;
        }

        services.AddSingleton(_ => CreateClient(options));
        services.AddSingleton(sp => sp.GetRequiredService<ServiceBusClient>().CreateSender(options.TopicName));
        services.AddSingleton<IOrderEventPublisher>(sp => new ServiceBusOrderEventPublisher(
            sp.GetRequiredService<ServiceBusSender>(), sp.GetRequiredService<ILogger<ServiceBusOrderEventPublisher>>()));
        return services;
    }

    public static ServiceBusClient CreateClient(ServiceBusEventOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new ServiceBusClient(options.ConnectionString);
        }

        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
        return new ServiceBusClient(options.FullyQualifiedNamespace, credential);
    }
}
