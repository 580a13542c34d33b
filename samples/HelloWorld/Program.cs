using WitHost.Samples.HelloWorld;

// Runs the sample guest through the host generated from wit/sample.wit and prints every call.
SampleTour.Run(Console.Out);
