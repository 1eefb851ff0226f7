// Whether WebGL is drawn by a software rasterizer (SwiftShader, llvmpipe: headless
// browsers, machines without a GPU), asked once on a throwaway canvas: the views
// then draw at 3/4 resolution, since such rasterizers pay per pixel.

export function softwareRendering(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return true;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|softpipe|software/i.test(name);
  } catch {
    return false;
  }
}
