var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
var document = new XmlDocument { XmlResolver = null };
document.Load(XmlReader.Create(stream, settings));
