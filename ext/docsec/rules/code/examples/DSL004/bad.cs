ServicePointManager.ServerCertificateValidationCallback = (sender, cert, chain, errors) => true;  // expect: DSL004
var handler = new HttpClientHandler
{
    ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => true,  // expect: DSL004
};
var other = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };  // expect: DSL004
