using WitHost.Samples.PluginHost;

// Runs every plugin in a folder (the first argument, else plugins/ beside the program).
PluginTour.Run(Console.Out, args.Length > 0 ? args[0] : PluginTour.DefaultFolder);
