HttpsURLConnection.setDefaultHostnameVerifier((hostname, session) -> true);  // expect: DSL004
CloseableHttpClient client = HttpClients.custom()
    .setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE)  // expect: DSL004
    .build();
TrustManager[] trustAll = new TrustManager[] { new X509TrustManager() {
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}  // expect: DSL004
    public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
}};
