# Attachments: an editor uploads PDF, PNG, JPEG, GIF, WebP and plain text,
# recognised by their first bytes whatever the client claims; other
# types are refused (422), an empty form too; an oversized upload answers
# 413, a broken multipart body 400.  The file is stored under
# <files>/kb/<64 hex> with mode 0640, with a row and an audit entry; a
# path-traversal file name is stored safely and served under a harmless
# name.  Downloads go through nginx (X-Accel-Redirect) with the very bytes
# uploaded, only for readers who may see the article (published and of
# their audience) or editors; others get 404.  Deleting removes row and file.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use File::Spec;
use Portico::Test;
use Portico::KB;
use Portico::KBEditor;

my $cat = create_category(names => { en => 'Editor files' });
my $ed = as_role('editor@portico.example');
my $editor_id = sql_value("SELECT id FROM users WHERE email = 'editor\@portico.example'");
my $art = create_article(category => $cat, status => 'published', audience => 'customer',
    texts => { en => { title => 'Files' } });
my $internal = create_article(category => $cat, status => 'published', audience => 'internal');
my $draft = create_article(category => $cat, status => 'draft', audience => 'public');
forget_article($art, $internal, $draft);    # their files are removed at the end

my %samples = (
    pdf  => ["%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", 'application/pdf'],
    png  => ["\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\nIDATx\x9cc\0\x01\0\0\x05\0\x01\r\n-\xb4\0\0\0\0IEND\xaeB`\x82", 'image/png'],
    jpg  => ["\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xff\xd9", 'image/jpeg'],
    gif  => ["GIF89a\x01\0\x01\0\x80\0\0\0\0\0\xff\xff\xff!\xf9\x04\x01\0\0\0\0,\0\0\0\0\x01\0\x01\0\0\x02\x02D\x01\0;", 'image/gif'],
    webp => ["RIFF\x1a\0\0\0WEBPVP8L\x0d\0\0\0/\0\0\0\x10\x07\x10\x11\x11\x88\x88\xfe\x07\0", 'image/webp'],
    txt  => ["Plain text, UTF-8: \xc3\xa4\xc3\xb6\xc3\xbc\nsecond line\n", 'text/plain; charset=utf-8'],
);

sub att_rows {
    my ($article) = @_;
    my $r = sql_rows("SELECT id, filename, content_type, size_bytes, storage_name, created_by FROM kb_attachments"
        . " WHERE article_id = $article ORDER BY id");
    return map { my %h; @h{qw(id filename content_type size_bytes storage_name created_by)} = @$_; \%h } @$r;
}
sub stored_path { File::Spec->catfile(files_dir(), 'kb', $_[0]) }

my %uploaded;    # type => attachment row
subtest 'upload each allowed type' => sub {
    for my $ext (sort keys %samples) {
        my ($data, $type) = @{ $samples{$ext} };
        # The client claims octet-stream: the type comes from the bytes.
        my $res = upload($ed, "/kb/editor/articles/$art/attachments?lang=en", filename => "sample.$ext", data => $data);
        is($res->code, 303, "$ext: 303");
        is(location_path($res), "/kb/editor/articles/$art?lang=en&uploaded=1", "$ext: back to the article");
        my ($row) = grep { $_->{filename} eq "sample.$ext" } att_rows($art);
        ok($row, "$ext: row") or next;
        is($row->{content_type}, $type, "$ext: type sniffed as $type");
        is($row->{size_bytes}, length $data, "$ext: size");
        like($row->{storage_name}, qr/^[0-9a-f]{64}$/, "$ext: random storage name");
        is($row->{created_by}, $editor_id, "$ext: by the editor");
        my $path = stored_path($row->{storage_name});
        ok(-f $path, "$ext: file stored") or next;
        is((stat $path)[2] & 07777, 0640, "$ext: mode 0640");
        open(my $fh, '<:raw', $path) or die $!;
        my $on_disk = do { local $/; <$fh> };
        is($on_disk, $data, "$ext: the bytes as uploaded");
        my ($audit) = audit_rows_for('kb.attachment.create', 'kb_attachment', $row->{id});
        ok($audit && $audit->{after} =~ /"article_id":$art/, "$ext: audit row");
        $uploaded{$ext} = $row;
    }
    my ($doc) = $ed->get_xml("/kb/editor/articles/$art?lang=en&uploaded=1");
    is(xp_count($doc, '/page/kb-article-form/attachments/file'), scalar keys %samples, 'listed on the edit page');
    ok(xp_count($doc, "/page/messages/message[\@key='kb.editor.file.uploaded']"), 'success message');
    my $p = $uploaded{png};
    is(xp($doc, "/page/kb-article-form/attachments/file[\@id='$p->{id}']/\@href"), "/kb/files/$p->{id}/sample.png", 'href');
};

subtest 'refused uploads' => sub {
    my $before = scalar att_rows($art);
    my %bad = (
        'an executable'        => ["\x7fELF\x02\x01\x01\0" . ("\0" x 40), 'tool.pdf'],
        'HTML claiming text'   => ["<html><script>alert(1)</script>\0", 'page.txt'],
        'binary junk'          => ["\x00\x01\x02\x03", 'junk.png'],
        'an SVG'               => [qq{<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\x01}, 'x.svg'],
        'a ZIP'                => ["PK\x03\x04" . ("\0" x 30), 'a.zip'],
        'Latin-1 text'         => ["caf\xe9\n", 'latin1.txt'],
    );
    for my $name (sort keys %bad) {
        my ($data, $fn) = @{ $bad{$name} };
        my $res = upload($ed, "/kb/editor/articles/$art/attachments", filename => $fn, data => $data, type => 'application/pdf');
        is($res->code, 422, "$name: 422");
        my $doc = xml_of($res);
        ok(xp_count($doc, "/page/messages/message[\@key='kb.editor.file.type' and \@field='file']"), "$name: type not allowed");
        is(xp($doc, '/page/@view'), 'editor-upload', "$name: the upload form again");
    }
    my $res = upload($ed, "/kb/editor/articles/$art/attachments", filename => 'empty.txt', data => '');
    is($res->code, 422, 'an empty file: 422');
    ok(xp_count(xml_of($res), "/page/messages/message[\@key='kb.editor.file.required']"), 'choose a file');
    my ($doc, $r) = post_csrf($ed, "/kb/editor/articles/$art/attachments", []);
    is($r->code, 422, 'no multipart body at all: 422');
    is(scalar(att_rows($art)), $before, 'nothing stored');

    # Over the limit: 10 MiB and a byte of text.
    $res = upload($ed, "/kb/editor/articles/$art/attachments", filename => 'big.txt', data => 'a' x (10 * 1024 * 1024 + 1));
    is($res->code, 413, 'oversized upload: 413');
    is(scalar(att_rows($art)), $before, 'nothing stored');

    my $csrf = csrf_for($ed);
    for my $body (
        "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n$csrf\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello",
        "no boundary here at all",
    ) {
        $r = $ed->post_raw("/kb/editor/articles/$art/attachments", $body, 'multipart/form-data; boundary=XyZ');
        is($r->code, 400, 'broken multipart: 400');
    }
    $r = $ed->post_raw("/kb/editor/articles/$art/attachments", "--XyZ--\r\n", 'multipart/form-data');
    is($r->code, 400, 'multipart without a boundary parameter: 400');
    is(scalar(att_rows($art)), $before, 'nothing stored');

    my $missing = 0 + sql_value('SELECT COALESCE(MAX(id), 0) + 1000 FROM kb_articles');
    $res = upload($ed, "/kb/editor/articles/$missing/attachments", filename => 'a.txt', data => "x\n");
    is($res->code, 404, 'to a missing article: 404');
};

subtest 'a path-traversal name is stored and served safely' => sub {
    my $res = upload($ed, "/kb/editor/articles/$art/attachments", filename => '../../../etc/passwd',
        data => "root:x:0:0\n");
    is($res->code, 303, 'status 303');
    $res = upload($ed, "/kb/editor/articles/$art/attachments", filename => "..\\..\\we ird\"na;me<>.pdf",
        data => $samples{pdf}[0]);
    is($res->code, 303, 'status 303');
    my @rows = att_rows($art);
    my ($w) = grep { $_->{filename} =~ /na_me|ird/ } @rows;
    my ($p) = grep { $_->{filename} =~ /passwd/ } @rows;
    ok($p, 'passwd row') or return;
    is($p->{filename}, 'passwd.txt', 'the directory part is gone, an extension added');
    ok($w, 'the odd name row') or return;
    like($w->{filename}, qr/^[A-Za-z0-9._-]+$/, "only harmless characters: $w->{filename}");
    unlike($w->{filename}, qr/\.\./, 'no ..');
    for my $row ($p, $w) {
        ok(-f stored_path($row->{storage_name}), 'stored under its random name');
    }
    ok(!-e File::Spec->catfile(files_dir(), 'passwd'), 'nothing written outside kb/');
    my $d = $ed->get("/kb/files/$w->{id}/x");
    is($d->code, 200, 'served');
    my $cd = $d->header('Content-Disposition') // '';
    like($cd, qr/filename="\Q$w->{filename}\E"/, "Content-Disposition names the safe name ($cd)");
    unlike($cd, qr/[<>\\]|\.\./, 'nothing odd in the header');
};

subtest 'downloads through nginx, for those who may read' => sub {
    for my $ext (sort keys %uploaded) {
        my $row = $uploaded{$ext};
        my $res = $ed->get("/kb/files/$row->{id}/$row->{filename}");
        is($res->code, 200, "$ext: 200");
        is($res->content, $samples{$ext}[0], "$ext: the bytes uploaded, sent by nginx");
        is($res->header('X-Accel-Redirect'), undef, "$ext: the internal redirect is not shown to the client");
        like($res->header('Content-Type') // '', qr{^\Q$samples{$ext}[1]\E|^\Q$row->{content_type}\E}, "$ext: content type");
        my $disp = $ext eq 'txt' ? 'attachment' : 'inline';
        like($res->header('Content-Disposition') // '', qr/^$disp/, "$ext: $disp");
        is($res->header('X-Content-Type-Options'), 'nosniff', "$ext: nosniff");
    }
    my $pdf = $uploaded{pdf} or return;
    is(as_role('carl@acme.example')->get("/kb/files/$pdf->{id}/sample.pdf")->code, 200, 'a customer reads a customer article\'s file');
    is(as_role('admin@portico.example')->get("/kb/files/$pdf->{id}/sample.pdf")->code, 200, 'the admin too');
    is(reader()->get("/kb/files/$pdf->{id}/sample.pdf")->code, 404, 'anonymous: 404 (customers only)');
    is(as_role('paula@northwind.example')->get("/kb/files/$pdf->{id}/sample.pdf")->code, 404, 'a partner: 404');
    is(reader()->get('/protected/kb/' . $pdf->{storage_name})->code, 404, 'the protected location is not reachable from outside');

    my $res = upload($ed, "/kb/editor/articles/$internal/attachments", filename => 'internal.pdf', data => $samples{pdf}[0]);
    is($res->code, 303, 'uploaded to an internal article');
    my ($int) = att_rows($internal);
    is(as_role('carl@acme.example')->get("/kb/files/$int->{id}/internal.pdf")->code, 404, 'a customer cannot fetch an internal file: 404');
    is(as_role('agent@portico.example')->get("/kb/files/$int->{id}/internal.pdf")->code, 200, 'an agent can');
    $res = upload($ed, "/kb/editor/articles/$draft/attachments", filename => 'draft.pdf', data => $samples{pdf}[0]);
    my ($dr) = att_rows($draft);
    is(reader()->get("/kb/files/$dr->{id}/draft.pdf")->code, 404, 'a public draft\'s file: 404');
    is(as_role('agent@portico.example')->get("/kb/files/$dr->{id}/draft.pdf")->code, 404, 'also for an agent');
    is($ed->get("/kb/files/$dr->{id}/draft.pdf")->code, 200, 'the editor sees it');
    is(reader()->get('/kb/files/999999999/x.pdf')->code, 404, 'unknown: 404');
};

subtest 'delete' => sub {
    my $row = $uploaded{gif} or return fail('no gif');
    my $path = stored_path($row->{storage_name});
    my ($doc, $res) = post_csrf($ed, "/kb/editor/attachments/$row->{id}/delete", [lang => 'en']);
    is($res->code, 303, 'status 303');
    is(location_path($res), "/kb/editor/articles/$art?lang=en&deleted=1", 'back to the article');
    is(sql_value("SELECT COUNT(*) FROM kb_attachments WHERE id = $row->{id}"), 0, 'row gone');
    ok(!-e $path, 'file gone');
    my ($audit) = audit_rows_for('kb.attachment.delete', 'kb_attachment', $row->{id});
    ok($audit && $audit->{before} =~ /sample\.gif/, 'audit row with what was deleted');
    is($ed->get("/kb/files/$row->{id}/sample.gif")->code, 404, 'no longer served');
};

done_testing;
