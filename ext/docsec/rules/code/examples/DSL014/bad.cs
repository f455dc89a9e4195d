var settings = new XmlReaderSettings();
settings.DtdProcessing = DtdProcessing.Parse;  // expect: DSL014
var document = new XmlDocument();
document.XmlResolver = new XmlUrlResolver();  // expect: DSL014
document.Load(XmlReader.Create(stream, settings));
