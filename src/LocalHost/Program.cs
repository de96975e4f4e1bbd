using ServerlessSync.LocalHost;

await LocalHostApp.Build(args).RunAsync();
