SSLContext context = SSLContexts.custom().loadTrustMaterial(trustStore, null).build();
CloseableHttpClient client = HttpClients.custom().setSSLContext(context).build();
