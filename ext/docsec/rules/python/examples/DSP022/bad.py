from django.utils.safestring import mark_safe
from django.utils.html import format_html
from markupsafe import Markup


def greeting(request):
    return mark_safe(f"<b>Hello {request.user.first_name}</b>")  # expect: DSP022


class Product(models.Model):
    def thumbnail(self):
        return mark_safe('<img src="%s" />' % self.image.url)  # expect: DSP022

    def bio_html(self):
        return mark_safe(self.bio)  # expect: DSP022


link = format_html(f'<a href="{url}">{title}</a>')  # expect: DSP022
banner = format_html("<div>{}</div>".format(message))  # expect: DSP022
comment_html = Markup(comment.body)  # expect: DSP022
