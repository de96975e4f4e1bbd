using ServerlessSync.Simulators;

return await SimulatorCli.RunAsync(args);
