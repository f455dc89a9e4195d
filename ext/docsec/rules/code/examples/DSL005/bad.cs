public IActionResult Login(string returnUrl)
{
    return Redirect(returnUrl);  // expect: DSL005
}
public void Go() { Response.Redirect(Request.Query["next"]); }  // expect: DSL005
