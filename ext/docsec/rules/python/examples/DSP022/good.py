from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from markupsafe import Markup

greeting = format_html("<b>Hello {}</b>", request.user.first_name)
separator = mark_safe("<hr>")
ICON = '<svg class="icon"></svg>'
icon = mark_safe(ICON)
escaped = Markup.escape(user_input)
item = Markup("<li>{}</li>").format(user_input)
quoted = Markup("<em>%s</em>") % user_input
bold = Markup("<b>literal</b>")
row = mark_safe(escape(value))
