def acs(request):
    req = prepare_request_for_toolkit(request)
    auth = OneLogin_Saml2_Auth(req)
    auth.process_response()
    if auth.is_authenticated() and "RelayState" in req["post_data"]:
        return auth.redirect_to(req["post_data"]["RelayState"])  # expect: DSP063
