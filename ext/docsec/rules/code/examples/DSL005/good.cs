public IActionResult Login(string returnUrl)
{
    return Url.IsLocalUrl(returnUrl) ? Redirect(returnUrl) : RedirectToAction("Index", "Home");
}
public IActionResult Done() => LocalRedirect(returnUrl);
