<?xml version="1.0" encoding="UTF-8"?>
<!-- The place on a service's form (new.xsl) where htdocs/js/tickets-deflect.js
     shows knowledge base articles as the subject and description are
     typed: hidden, and empty, until it has some. The status line is a
     polite live region that is always there, so screen readers hear when
     articles appear. The script's texts come from the catalogue through
     data attributes ({count} in data-found). Without the script nothing
     of this shows: the first submit offers the articles instead
     (deflect.xsl). Included by new.xsl, which calls tk-deflect-live. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:template name="tk-deflect-live">
    <div class="tk-deflect-live" id="tk-deflect"
        data-service="{/page/ticket-form/service/@slug}"
        data-found="{pt:t('tickets.deflect.live.found')}"
        data-found-one="{pt:t('tickets.deflect.live.found-one')}"
        data-answered="{pt:t('tickets.deflect.answered')}">
      <p class="visually-hidden" id="tk-deflect-status" role="status" aria-live="polite"></p>
      <section class="tk-deflect-box" aria-labelledby="tk-deflect-title" hidden="hidden">
        <h2 id="tk-deflect-title"><xsl:value-of select="pt:t('tickets.deflect.live.title')"/></h2>
        <ul class="tk-deflect-list"></ul>
        <p class="hint"><xsl:value-of select="pt:t('tickets.deflect.live.hint')"/></p>
      </section>
    </div>
    <script src="/static/js/tickets-deflect.js" defer="defer"></script>
  </xsl:template>

</xsl:stylesheet>
